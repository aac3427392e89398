package org.regionalexchange.gateway.checkpoints;

import java.time.Duration;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gossip of signed checkpoints between nodes (docs/security.md "Evidence a superuser cannot
 * quietly rewrite").
 *
 * @param gossipInterval time between two gossip rounds; the first round comes one interval after
 *                       start-up. At each round the node asks every other node of the registry
 *                       for its latest signed checkpoint
 * @param peerTimeout    time to open a connection to a peer and to wait for its answer; a peer that
 *                       does not answer is asked again at the next round
 */
@ConfigurationProperties(CheckpointProperties.PREFIX)
public record CheckpointProperties(@DefaultValue("10m") Duration gossipInterval,
        @DefaultValue("10s") Duration peerTimeout) implements CheckedProperties {

    public static final String PREFIX = "gateway.checkpoints";

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (gossipInterval == null || gossipInterval.compareTo(Duration.ofSeconds(10)) < 0
                || gossipInterval.compareTo(Duration.ofDays(1)) > 0) {
            problems.reject(prefix + ".gossip-interval", gossipInterval, "must be between 10 seconds and 1 day");
        }
        if (peerTimeout == null || peerTimeout.isNegative() || peerTimeout.isZero()
                || peerTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            problems.reject(prefix + ".peer-timeout", peerTimeout, "must be between 1 ms and 1 minute");
        }
    }
}
