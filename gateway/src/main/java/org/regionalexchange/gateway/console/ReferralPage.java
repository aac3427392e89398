package org.regionalexchange.gateway.console;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** One page of a list of referrals ({@code { referrals, page, size, total }} of the API), as a list page shows it. */
public record ReferralPage(List<JsonNode> referrals, int page, int size, long total) {

    static ReferralPage of(JsonNode found) {
        List<JsonNode> rows = new ArrayList<>();
        found.path("referrals").forEach(rows::add);
        return new ReferralPage(rows, found.path("page").asInt(), found.path("size").asInt(), found.path("total").asLong());
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
