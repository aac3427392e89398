package org.regionalexchange.gateway.statistics.disclosure;

import org.springframework.util.Assert;

/**
 * A framework dependency planted in the disclosure package for {@code ArchitectureTest}: the rule
 * that disclosure control is plain Java must find it. Never used by the gateway.
 */
public final class PlantedFrameworkUse {

    private PlantedFrameworkUse() {
    }

    static void check(long value) {
        Assert.isTrue(value >= 0, "not negative");
    }
}
