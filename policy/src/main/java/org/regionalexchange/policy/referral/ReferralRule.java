package org.regionalexchange.policy.referral;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Optional;
import org.regionalexchange.policy.model.ConsentGiver;

/**
 * Decides one referral (docs/design.md §11, "Hard rules"). Every failing check is reported, so the officer sees
 * at once all that stands in the way; none of them can be switched off by configuration.
 * <ol>
 *   <li>Never to an agency of a country of origin ({@link ReceiverCountryRule}).</li>
 *   <li>The receiver has the function the type needs: a referral reaches the body competent for it (seed 000
 *       §6.2: the guide lists agencies "in accordance with their individual profiles or detected
 *       vulnerabilities").</li>
 *   <li>Minimal categories: IDENTITY names the person; every other category must be held by the source and
 *       be one the type needs (seed 000 §4, confidentiality; seed 002: "referral procedures respect
 *       confidentiality").</li>
 *   <li>Informed consent (seed 002: "based on the informed consent of the individual. Informed consent may
 *       also be required for the transfer of personal information"), given by a guardian for a person who is
 *       certainly a child (002: "assignment of a guardian"); or, only to child protection and only for a
 *       person who is or could be a child, a recorded best-interest reason (002: "best interest of the child
 *       is a primary consideration in the choice of referrals made for unaccompanied or separated children";
 *       000 §4) &mdash; which never carries claim, family or screening data, confidential always.</li>
 * </ol>
 */
final class ReferralRule {
    private ReferralRule() {
    }

    static ReferralDecision decide(ReferralRequest request, LocalDate date) {
        ReferredPerson person = request.person();
        ReferralType type = request.type();
        EnumSet<ReferralReasonCode> reasons = EnumSet.noneOf(ReferralReasonCode.class);
        EnumMap<ReferralCategory, ReferralReasonCode> perCategory = new EnumMap<>(ReferralCategory.class);
        if (ReceiverCountryRule.isOfCountryOfOrigin(request.receiver(), person)) {
            reasons.add(ReferralReasonCode.RECEIVER_COUNTRY_OF_ORIGIN);
        }
        if (!type.isReceivableBy(request.receiver())) {
            reasons.add(ReferralReasonCode.RECEIVER_LACKS_FUNCTION);
        }
        if (!request.categories().contains(ReferralCategory.IDENTITY)) {
            reasons.add(ReferralReasonCode.IDENTITY_REQUIRED);
        }
        for (ReferralCategory category : request.categories()) {
            if (!person.source().holds().contains(category)) {
                perCategory.put(category, ReferralReasonCode.CATEGORY_NOT_HELD);
            } else if (!type.categories().contains(category)) {
                perCategory.put(category, ReferralReasonCode.CATEGORY_NOT_FOR_TYPE);
            }
        }
        Optional<ReferralBasis> basis = basis(request, date, reasons, perCategory);
        reasons.addAll(perCategory.values());
        Priority priority = PriorityRule.of(person.indicators());
        if (!reasons.isEmpty() || basis.isEmpty()) {
            return ReferralDecision.refused(request, priority, reasons, perCategory);
        }
        return ReferralDecision.referred(request, priority, basis.get());
    }

    private static Optional<ReferralBasis> basis(ReferralRequest request, LocalDate date,
                                                 EnumSet<ReferralReasonCode> reasons,
                                                 EnumMap<ReferralCategory, ReferralReasonCode> perCategory) {
        ReferredPerson person = request.person();
        if (request.consent().isPresent() && request.bestInterestReason().isPresent()) {
            reasons.add(ReferralReasonCode.CONSENT_AND_BEST_INTEREST_BOTH);
            return Optional.empty();
        }
        if (request.consent().isPresent()) {
            if (request.consent().get().givenBy() == ConsentGiver.SUBJECT && person.certainlyChildOn(date)) {
                reasons.add(ReferralReasonCode.GUARDIAN_CONSENT_REQUIRED);
            }
            return Optional.of(ReferralBasis.CONSENT);
        }
        if (request.bestInterestReason().isEmpty()) {
            reasons.add(ReferralReasonCode.CONSENT_REQUIRED);
            return Optional.empty();
        }
        if (request.type() != ReferralType.CHILD_PROTECTION) {
            reasons.add(ReferralReasonCode.BEST_INTEREST_ONLY_FOR_CHILD_PROTECTION);
        }
        if (!person.couldBeChildOn(date)) {
            reasons.add(ReferralReasonCode.BEST_INTEREST_ONLY_FOR_A_CHILD);
        }
        for (ReferralCategory category : request.categories()) {
            if (category.isConsentAlways()) {
                perCategory.putIfAbsent(category, ReferralReasonCode.CONFIDENTIAL_CATEGORY_NEEDS_CONSENT);
            }
        }
        return Optional.of(ReferralBasis.CHILD_BEST_INTEREST);
    }
}
