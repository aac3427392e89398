package org.regionalexchange.gateway.exchange;

/** The {@code typ} of each node-to-node envelope (docs/exchange.md). */
final class ExchangeMessages {

    static final String REQUEST = "gateway-request+jwt";
    static final String RESPONSE = "gateway-response+jwt";
    static final String QUERY = "gateway-query+jwt";

    private ExchangeMessages() {
    }
}
