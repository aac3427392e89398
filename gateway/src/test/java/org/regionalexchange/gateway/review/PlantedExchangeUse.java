package org.regionalexchange.gateway.review;

import org.regionalexchange.gateway.exchange.RequestDesk;

/**
 * Never used: a use by {@code review} of a public type of {@code exchange} outside its named
 * interface {@code review} ({@code RequestDesk}), for ArchitectureTest to show that review may use
 * the exchange only through {@code ReviewQueue}.
 */
final class PlantedExchangeUse {

    private PlantedExchangeUse() {
    }

    static Class<?> reach() {
        return RequestDesk.class;
    }
}
