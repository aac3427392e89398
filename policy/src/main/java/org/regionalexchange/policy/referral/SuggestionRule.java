package org.regionalexchange.policy.referral;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Suggests referrals from the National Reference Guide by the agencies' functions (docs/design.md §11):
 * asylum to RSD (seed 000 §6: "Refugee status applicants should be directly referred to the competent national
 * authority"); trafficking to anti-trafficking (000 §6.1); any child, and always an unaccompanied or separated
 * one, to child protection (000 §6.1: "If the potential asylum seeker is an unaccompanied or separated child,
 * he/she should be also referred"; minors "at risk or in danger of abuse or violence" too); other specific
 * needs to care (000 §6.1: "referred to the appropriate institution to receive the necessary treatment and
 * care"); and UNHCR's office always (000 §5.3 and §6: "the person should be informed about the existence of
 * UNHCR"). An agency of a country of origin is never suggested ({@link ReceiverCountryRule}).
 */
final class SuggestionRule {
    private SuggestionRule() {
    }

    static ReferralType typeFor(Indicator indicator) {
        return switch (indicator) {
            case POTENTIAL_ASYLUM_SEEKER -> ReferralType.ASYLUM_PROCEDURE;
            case POTENTIAL_TRAFFICKING_VICTIM -> ReferralType.ANTI_TRAFFICKING;
            case CHILD, UNACCOMPANIED_OR_SEPARATED_CHILD -> ReferralType.CHILD_PROTECTION;
            case VICTIM_OF_VIOLENCE_OR_TORTURE, WOMAN_AT_RISK, ELDERLY, DISABILITY, SERIOUS_MEDICAL_CONDITION ->
                    ReferralType.SPECIFIC_NEEDS_CARE;
        };
    }

    static ReferralSuggestions suggest(ReferredPerson person, ReferralDirectory directory) {
        EnumMap<ReferralType, List<Indicator>> wanted = new EnumMap<>(ReferralType.class);
        for (Indicator indicator : person.indicators().raised()) {
            wanted.computeIfAbsent(typeFor(indicator), t -> new ArrayList<>()).add(indicator);
        }
        wanted.putIfAbsent(ReferralType.UNHCR, List.of());
        List<SuggestedReferral> suggestions = new ArrayList<>();
        EnumSet<ReferralType> noAgency = EnumSet.noneOf(ReferralType.class);
        for (Map.Entry<ReferralType, List<Indicator>> entry : wanted.entrySet()) {
            ReferralType type = entry.getKey();
            Priority priority = Priority.NORMAL;
            for (Indicator indicator : entry.getValue()) {
                Priority p = PriorityRule.of(indicator);
                priority = p.isMoreUrgentThan(priority) ? p : priority;
            }
            boolean found = false;
            for (DirectoryAgency agency : directory.agencies()) {
                if (type.isReceivableBy(agency) && !ReceiverCountryRule.isOfCountryOfOrigin(agency, person)) {
                    suggestions.add(new SuggestedReferral(type, agency, entry.getValue(), priority));
                    found = true;
                }
            }
            if (!found) {
                noAgency.add(type);
            }
        }
        // Most urgent first; within a priority, in the order of the types, then of the guide (a stable sort).
        suggestions.sort(Comparator.comparing(SuggestedReferral::priority).reversed());
        return new ReferralSuggestions(suggestions, noAgency);
    }
}
