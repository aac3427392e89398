package org.regionalexchange.policy.referral;

/**
 * Every reason a referral is refused, with its stable snake_case wire code and a message for the sending
 * officer. Kept apart from the exchange's {@code ReasonCode}: a referral's sender is the person's own
 * screening or registering officer, so every reason is visible to them, and the exchange's step numbers and
 * uniform {@code NOT_AVAILABLE} do not apply. Codes are part of the API contract: add freely, never rename or
 * remove. Declared in the order the rules are checked; a refusal lists every failing code in this order.
 */
public enum ReferralReasonCode {
    RECEIVER_COUNTRY_OF_ORIGIN("receiver_country_of_origin",
            "The receiving agency is an authority of a country of origin of the person (a nationality, a former"
                    + " habitual residence, or a country the person fled or fears); no consent or reason allows it."),
    RECEIVER_LACKS_FUNCTION("receiver_lacks_function",
            "The receiving agency does not have the function this referral type needs (RSD for the asylum"
                    + " procedure, CHILD_PROTECTION, ANTI_TRAFFICKING, CARE for specific needs, a UNHCR office for UNHCR)."),
    IDENTITY_REQUIRED("identity_required", "A referral names the person: IDENTITY must be among its categories."),
    CATEGORY_NOT_HELD("category_not_held",
            "The screening or record the referral comes from holds no data of this category."),
    CATEGORY_NOT_FOR_TYPE("category_not_for_type",
            "This category is more than the receiver needs for this referral type; send only what it needs."),
    CONSENT_AND_BEST_INTEREST_BOTH("consent_and_best_interest_both",
            "Give either the person's consent or a child's best-interest reason, not both."),
    CONSENT_REQUIRED("consent_required",
            "A referral needs the person's informed consent to it and to the transfer of its categories."),
    GUARDIAN_CONSENT_REQUIRED("guardian_consent_required",
            "The person is a child: the consent must be given by a guardian."),
    BEST_INTEREST_ONLY_FOR_CHILD_PROTECTION("best_interest_only_for_child_protection",
            "A referral without consent in the child's best interest may go only to child protection."),
    BEST_INTEREST_ONLY_FOR_A_CHILD("best_interest_only_for_a_child",
            "A referral without consent in the child's best interest is only for a person who is, or could be, under 18."),
    CONFIDENTIAL_CATEGORY_NEEDS_CONSENT("confidential_category_needs_consent",
            "Claim, family and screening data leave only with consent, even in a child's best-interest referral.");

    private final String code;
    private final String message;

    ReferralReasonCode(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The stable wire code, e.g. {@code receiver_country_of_origin}. */
    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    public static ReferralReasonCode fromCode(String code) {
        for (ReferralReasonCode reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("Unknown referral reason code '" + code + "'");
    }

    @Override
    public String toString() {
        return code;
    }
}
