package org.regionalexchange.policy.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.regionalexchange.policy.referral.Ground;
import org.regionalexchange.policy.referral.Indicator;
import org.regionalexchange.policy.referral.IndicatorFinding;
import org.regionalexchange.policy.referral.Indicators;
import org.regionalexchange.policy.referral.Priority;
import org.regionalexchange.policy.referral.ReferralDecision;
import org.regionalexchange.policy.referral.ReferralReasonCode;
import org.regionalexchange.policy.referral.ReferralSuggestions;
import org.regionalexchange.policy.referral.SuggestedReferral;
import tools.jackson.databind.JsonNode;

/**
 * What a referral case states, in a form that compares and prints well. Keys a case omits mean "none", so a
 * case cannot pass by saying less. Grounds and suggestions keep their order; sets are sorted.
 */
final class ExpectedReferralAnswer {
    private ExpectedReferralAnswer() {
    }

    /** The answer of a SCREEN case. */
    record Screen(List<String> problems, Map<String, List<String>> indicators, String priority,
                  List<String> suggestions, List<String> noAgencyFor) {

        static Screen fromCase(JsonNode expect) {
            Map<String, List<String>> indicators = new LinkedHashMap<>();
            // In the order of the Indicator enum, as the engine gives them.
            for (Indicator indicator : Indicator.values()) {
                JsonNode grounds = expect.path("indicators").path(indicator.name());
                if (grounds.isArray()) {
                    List<String> list = new ArrayList<>();
                    grounds.forEach(g -> list.add(g.asString()));
                    indicators.put(indicator.name(), list);
                }
            }
            return new Screen(strings(expect.path("problems")), indicators, expect.path("priority").asString(null),
                    strings(expect.path("suggestions")), sorted(expect.path("noAgencyFor")));
        }

        static Screen problems(List<String> problems) {
            return new Screen(problems, Map.of(), null, List.of(), List.of());
        }

        static Screen of(Indicators indicators, Priority priority, ReferralSuggestions suggestions) {
            Map<String, List<String>> found = new LinkedHashMap<>();
            for (IndicatorFinding finding : indicators.findings()) {
                found.put(finding.indicator().name(), finding.grounds().stream().map(Ground::toString).toList());
            }
            List<String> lines = new ArrayList<>();
            for (SuggestedReferral s : suggestions.suggestions()) {
                String line = s.priority() + " " + s.type() + " " + s.agency().id();
                if (!s.because().isEmpty()) {
                    line += " because " + String.join(", ", s.because().stream().map(Enum::name).toList());
                }
                lines.add(line);
            }
            TreeSet<String> none = new TreeSet<>();
            suggestions.noAgencyFor().forEach(t -> none.add(t.name()));
            return new Screen(List.of(), found, priority.name(), lines, new ArrayList<>(none));
        }
    }

    /** The answer of a REFER case. */
    record Refer(String outcome, String priority, String basis, List<String> categories, List<String> reasons,
                 Map<String, String> categoryReasons) {

        static Refer fromCase(JsonNode expect) {
            Map<String, String> perCategory = new TreeMap<>();
            expect.path("categoryReasons").properties().forEach(e -> perCategory.put(e.getKey(), e.getValue().asString()));
            return new Refer(expect.get("outcome").asString(), expect.get("priority").asString(),
                    expect.path("basis").asString(null), sorted(expect.path("categories")),
                    sorted(expect.path("reasons")), perCategory);
        }

        static Refer of(ReferralDecision d) {
            Map<String, String> perCategory = new TreeMap<>();
            d.categoryReasons().forEach((c, r) -> perCategory.put(c.name(), r.code()));
            TreeSet<String> categories = new TreeSet<>();
            d.categories().forEach(c -> categories.add(c.name()));
            TreeSet<String> reasons = new TreeSet<>();
            d.reasons().forEach(r -> reasons.add(r.code()));
            return new Refer(d.outcome().name(), d.priority().name(), d.basis().map(Enum::name).orElse(null),
                    new ArrayList<>(categories), new ArrayList<>(reasons), perCategory);
        }
    }

    static List<ReferralReasonCode> reasonCodes(JsonNode expect) {
        List<ReferralReasonCode> codes = new ArrayList<>();
        expect.path("reasons").forEach(r -> codes.add(ReferralReasonCode.fromCode(r.asString())));
        expect.path("categoryReasons").forEach(r -> codes.add(ReferralReasonCode.fromCode(r.asString())));
        return codes;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static List<String> sorted(JsonNode array) {
        return new ArrayList<>(new TreeSet<>(strings(array)));
    }
}
