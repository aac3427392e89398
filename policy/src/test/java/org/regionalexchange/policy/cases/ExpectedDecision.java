package org.regionalexchange.policy.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.regionalexchange.policy.CategoryVerdict;
import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.InternalDetail;
import org.regionalexchange.policy.Obligations;
import org.regionalexchange.policy.Outcome;
import org.regionalexchange.policy.Reason;
import org.regionalexchange.policy.RequesterView;
import org.regionalexchange.policy.VerdictStatus;
import tools.jackson.databind.JsonNode;

/**
 * A decision reduced to what a case file states, in a form that compares and prints well. Keys a case omits
 * mean "none": an omitted {@code withheld} expects nothing withheld, an omitted {@code obligations} expects
 * none, and so on, so a case cannot pass by saying less.
 */
record ExpectedDecision(String outcome, List<String> released, List<String> awaitingReview,
                        Map<String, String> withheld, List<String> reasons, String internalReason,
                        List<String> internalDetails, String obligations) {

    static ExpectedDecision fromCase(JsonNode expect) {
        Map<String, String> withheld = new TreeMap<>();
        expect.path("withheld").properties().forEach(e -> withheld.put(e.getKey(), e.getValue().asString()));
        TreeSet<String> details = new TreeSet<>();
        expect.path("internalDetails").forEach(d -> details.add(d.path("category").asString("-") + ":"
                + d.get("code").asString()));
        JsonNode o = expect.path("obligations");
        String obligations = null;
        if (o.isObject()) {
            TreeMap<String, List<String>> redactions = new TreeMap<>();
            o.path("redactions").properties().forEach(e -> redactions.put(e.getKey(), sorted(e.getValue())));
            obligations = o.get("handling").asString() + " use=" + o.get("permittedUse").asString() + " until="
                    + o.get("retainUntil").asString() + " redact=" + redactions;
        }
        return new ExpectedDecision(expect.get("outcome").asString(), sorted(expect.path("released")),
                sorted(expect.path("awaitingReview")), withheld, sorted(expect.path("reasons")),
                expect.path("internalReason").asString(null), new ArrayList<>(details), obligations);
    }

    static ExpectedDecision fromDecision(Optional<Decision> maybe) {
        if (maybe.isEmpty()) {
            return new ExpectedDecision("PASS", List.of(), List.of(), Map.of(), List.of(), null, List.of(), null);
        }
        Decision d = maybe.get();
        RequesterView view = d.requesterView();
        Map<String, String> withheld = new TreeMap<>();
        for (CategoryVerdict v : d.verdicts().values()) {
            v.withheldBecause().ifPresent(code -> withheld.put(v.category().name(), code.code()));
        }
        TreeSet<String> reasons = new TreeSet<>();
        for (Reason r : view.reasons()) {
            reasons.add(r.code().code());
        }
        TreeSet<String> details = new TreeSet<>();
        for (InternalDetail detail : d.internalDetails()) {
            details.add(detail.category().map(Enum::name).orElse("-") + ":" + detail.code().code());
        }
        String obligations = view.obligations().map(ExpectedDecision::describe).orElse(null);
        if (d.outcome() == Outcome.NOT_AVAILABLE && (!view.released().isEmpty() || !view.withheld().isEmpty()
                || !view.reasons().isEmpty() || view.obligations().isPresent())) {
            throw new AssertionError("NOT_AVAILABLE view carries something: " + view);
        }
        return new ExpectedDecision(d.outcome().name(), names(d.categories(VerdictStatus.RELEASED)),
                names(d.categories(VerdictStatus.AWAITING_REVIEW)), withheld, new ArrayList<>(reasons),
                d.internalReason().map(r -> r.code()).orElse(null), new ArrayList<>(details), obligations);
    }

    private static String describe(Obligations o) {
        TreeMap<String, List<String>> redactions = new TreeMap<>();
        o.redactions().forEach((category, fields) -> redactions.put(category.name(), new ArrayList<>(new TreeSet<>(fields))));
        return o.handling() + " use=" + o.permittedUse() + " until=" + o.retainUntil() + " redact=" + redactions;
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        TreeSet<String> names = new TreeSet<>();
        values.forEach(v -> names.add(v.name()));
        return new ArrayList<>(names);
    }

    private static List<String> sorted(JsonNode array) {
        TreeSet<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asString()));
        return new ArrayList<>(values);
    }
}
