package org.regionalexchange.gateway.audit;

import org.regionalexchange.gateway.records.SubjectRecords;

/**
 * Never used: a dependency of {@code audit} on a feature it does not state ({@code records}), for
 * ArchitectureTest to show that the module rule catches it.
 */
final class PlantedFeatureUse {

    private PlantedFeatureUse() {
    }

    static Class<?> reach() {
        return SubjectRecords.class;
    }
}
