package org.regionalexchange.gateway.plantedfeature;

/**
 * Never used: a package of the gateway whose package-info states no allowed dependencies, as a new
 * feature would be before its author states them; ArchitectureTest shows that this fails.
 */
final class PlantedUnstatedFeature {

    private PlantedUnstatedFeature() {
    }
}
