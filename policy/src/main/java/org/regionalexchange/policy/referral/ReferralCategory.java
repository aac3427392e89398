package org.regionalexchange.policy.referral;

import java.util.Arrays;
import java.util.Optional;
import org.regionalexchange.policy.model.Category;

/**
 * The categories a referral can carry: the six of a subject record and {@code SCREENING}, the answers of a
 * border screening and the indicators computed from them (docs/design.md §4). {@code SCREENING} is not a
 * {@link Category}: it never travels in an exchange request, only in a referral, and keeping it out of the
 * exchange's enum keeps every exchange rule, schema and release mapping exactly as it is.
 *
 * <p>Sensitivity is fixed here in code, as in {@link Category}: identity and case status are normal; contact and
 * specific needs are restricted (consent, except for a child's best-interest referral to child protection);
 * claim, family and the screening are confidential: consent always, no exception (seed 000 §8.5, seed 002).
 */
public enum ReferralCategory {
    IDENTITY(Optional.of(Category.IDENTITY), false),
    CASE_STATUS(Optional.of(Category.CASE_STATUS), false),
    CLAIM(Optional.of(Category.CLAIM), true),
    FAMILY(Optional.of(Category.FAMILY), true),
    CONTACT(Optional.of(Category.CONTACT), false),
    SPECIFIC_NEEDS(Optional.of(Category.SPECIFIC_NEEDS), false),
    SCREENING(Optional.empty(), true);

    private final Optional<Category> recordCategory;
    private final boolean consentAlways;

    ReferralCategory(Optional<Category> recordCategory, boolean consentAlways) {
        this.recordCategory = recordCategory;
        this.consentAlways = consentAlways;
    }

    /** The record category this is, empty for {@code SCREENING}. */
    public Optional<Category> recordCategory() {
        return recordCategory;
    }

    /** Leaves only with consent: every category the exchange guards by consent, and the screening. */
    public boolean requiresConsent() {
        return recordCategory.map(Category::requiresConsent).orElse(true);
    }

    /** Confidential: leaves only with consent, even in a child's best-interest referral. */
    public boolean isConsentAlways() {
        return consentAlways;
    }

    public static ReferralCategory of(Category category) {
        return valueOf(category.name());
    }

    public static ReferralCategory parse(String name) {
        for (ReferralCategory category : values()) {
            if (category.name().equals(name)) {
                return category;
            }
        }
        throw new IllegalArgumentException("Unknown referral category '" + name + "'; expected one of "
                + Arrays.toString(values()));
    }
}
