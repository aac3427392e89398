package org.regionalexchange.policy;

import static org.regionalexchange.policy.Visibility.HOLDER_LOG_ONLY;
import static org.regionalexchange.policy.Visibility.REQUESTER;

/**
 * Every reason the policy gives, with its stable snake_case wire code, who may see it, the step of
 * docs/design.md §6 that produces it, and a human-readable message. Codes are part of the API contract:
 * add freely, never rename or remove.
 */
public enum ReasonCode {
    // Step 2: requester
    REQUESTER_AGENCY_NOT_OF_SIGNING_NODE("requester_agency_not_of_signing_node", REQUESTER, 2,
            "The requesting agency is not registered to the node that signed the request."),
    REQUESTER_ROLE_NOT_PERMITTED("requester_role_not_permitted", REQUESTER, 2,
            "Only an officer may send a request about a person."),
    // Step 3: individualization, justification, purpose
    NOT_INDIVIDUALIZED("not_individualized", REQUESTER, 3,
            "The request must name exactly one person: wildcards, lists, partial or empty names and"
                    + " unclear dates of birth are not accepted."),
    CASE_REFERENCE_MISSING("case_reference_missing", REQUESTER, 3,
            "The requester's own case reference is missing."),
    JUSTIFICATION_TOO_SHORT("justification_too_short", REQUESTER, 3,
            "The justification is too short to explain why this person's data is needed."),
    JUSTIFICATION_BOILERPLATE("justification_boilerplate", REQUESTER, 3,
            "The justification is made of stock phrases; explain the individual case."),
    JUSTIFICATION_NOT_CASE_SPECIFIC("justification_not_case_specific", REQUESTER, 3,
            "The justification does not refer to the requester's case reference."),
    JUSTIFICATION_REUSED("justification_reused", REQUESTER, 3,
            "The agency recently used this justification for another person; each request needs its own."),
    PURPOSE_NOT_ENABLED("purpose_not_enabled", REQUESTER, 3,
            "This purpose is not accepted by the holder's policy."),
    // Step 4: agreement
    NO_AGREEMENT("no_agreement", REQUESTER, 4,
            "There is no data-sharing agreement in force between the requester's and the holder's parties."),
    AGREEMENT_PURPOSE_NOT_COVERED("agreement_purpose_not_covered", REQUESTER, 4,
            "The agreement in force does not cover this purpose."),
    AGREEMENT_CATEGORY_NOT_COVERED("agreement_category_not_covered", REQUESTER, 4,
            "The agreement in force does not cover this category for this purpose."),
    // Step 5: country of origin named in the query
    COUNTRY_OF_ORIGIN_IN_QUERY("country_of_origin_in_query", HOLDER_LOG_ONLY, 5,
            "The identity query names a nationality equal to the requester's country."),
    // Step 6: subject resolution
    NO_MATCH("no_match", HOLDER_LOG_ONLY, 6, "No record matches the subject selector."),
    AMBIGUOUS_MATCH("ambiguous_match", HOLDER_LOG_ONLY, 6, "More than one record matches the subject selector."),
    SUBJECT_CHANGED("subject_changed", HOLDER_LOG_ONLY, 6,
            "The record an earlier decision judged no longer matches alone, or changed since it was judged."),
    // Step 7: the record itself
    COUNTRY_OF_ORIGIN_ON_RECORD("country_of_origin_on_record", HOLDER_LOG_ONLY, 7,
            "The requester's country is a nationality, former habitual residence or country of feared"
                    + " persecution of the subject."),
    PROTECTION_HOLD("protection_hold", HOLDER_LOG_ONLY, 7, "The record is on protection hold."),
    // Step 8: per category
    CATEGORY_NOT_ALLOWED_FOR_PURPOSE("category_not_allowed_for_purpose", REQUESTER, 8,
            "The holder's policy does not release this category for this purpose."),
    CONTACT_NOT_FOR_SECURITY_OR_EXCLUSION("contact_not_for_security_or_exclusion", REQUESTER, 8,
            "Contact data is never released for security screening or exclusion assessment."),
    SPECIFIC_NEEDS_PROTECTION_PURPOSES_ONLY("specific_needs_protection_purposes_only", REQUESTER, 8,
            "Specific needs are released only for protection referral, child protection or anti-trafficking."),
    CONSENT_REQUIRED("consent_required", REQUESTER, 8,
            "This category is released only with the person's consent covering the recipient, purpose and category."),
    CONSENT_ABSENT("consent_absent", HOLDER_LOG_ONLY, 8, "The record has no consent at all."),
    CONSENT_RECIPIENT_NOT_COVERED("consent_recipient_not_covered", HOLDER_LOG_ONLY, 8,
            "No consent names the requester's country, agency or organization."),
    CONSENT_PURPOSE_NOT_COVERED("consent_purpose_not_covered", HOLDER_LOG_ONLY, 8,
            "A consent names the requester but not this purpose."),
    CONSENT_CATEGORY_NOT_COVERED("consent_category_not_covered", HOLDER_LOG_ONLY, 8,
            "A consent names the requester and the purpose but not this category."),
    CONSENT_WITHDRAWN("consent_withdrawn", HOLDER_LOG_ONLY, 8, "The covering consent was withdrawn."),
    CONSENT_NOT_YET_VALID("consent_not_yet_valid", HOLDER_LOG_ONLY, 8,
            "The covering consent is not yet in force on the evaluation date."),
    CONSENT_EXPIRED("consent_expired", HOLDER_LOG_ONLY, 8, "The covering consent is no longer in force."),
    // Step 9: human review
    REVIEW_REQUIRED("review_required", REQUESTER, 9, "A reviewer at the holder must approve the release."),
    REVIEW_CHILD_SUBJECT("review_child_subject", HOLDER_LOG_ONLY, 9,
            "The subject is, or could be, under 18 and more than identity and case status would be released."),
    REVIEW_SPECIFIC_NEEDS("review_specific_needs", HOLDER_LOG_ONLY, 9, "Specific needs would be released."),
    REVIEW_CONFIGURED_TRIGGER("review_configured_trigger", HOLDER_LOG_ONLY, 9,
            "A review trigger of the policy file matches."),
    REVIEW_REJECTED("review_rejected", REQUESTER, 9, "A reviewer at the holder rejected the release."),
    REVIEW_APPROVED("review_approved", HOLDER_LOG_ONLY, 9, "A reviewer at the holder approved the release.");

    private final String code;
    private final Visibility visibility;
    private final int step;
    private final String message;

    ReasonCode(String code, Visibility visibility, int step, String message) {
        this.code = code;
        this.visibility = visibility;
        this.step = step;
        this.message = message;
    }

    /** The stable wire code, e.g. {@code consent_required}. */
    public String code() {
        return code;
    }

    public Visibility visibility() {
        return visibility;
    }

    public boolean isRequesterVisible() {
        return visibility == REQUESTER;
    }

    /** The step of docs/design.md §6 that gives this reason. */
    public int step() {
        return step;
    }

    public String message() {
        return message;
    }

    public static ReasonCode fromCode(String code) {
        for (ReasonCode reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("Unknown reason code '" + code + "'");
    }

    @Override
    public String toString() {
        return code;
    }
}
