package org.regionalexchange.policy.model;

import java.util.Set;

/**
 * The categories in which a subject record is classified (docs/design.md §4). Whether a category needs
 * consent is a property of the category, fixed here in code: no configuration can change it
 * (seed 000 §8.5: claim information is "not shared with other parties ... without the consent of the
 * asylum seeker"; seed 002, Guideline 12: transfers of personal information rest on informed consent).
 */
public enum Category {
    /** Names, sex, date of birth, place of birth, nationalities, former habitual residences, documents. */
    IDENTITY(false, Set.of("familyName", "givenNames", "latinFamilyName", "latinGivenNames", "sex", "dateOfBirth",
            "placeOfBirth", "nationalities", "formerHabitualResidences", "documents")),
    /** Status and status date. */
    CASE_STATUS(false, Set.of("status", "statusDate")),
    /** Summary of the asylum claim, grounds, countries of feared persecution: consent always. */
    CLAIM(true, Set.of("summary", "grounds", "countriesOfFear")),
    /** Family members and links: consent always. */
    FAMILY(true, Set.of("relation", "familyName", "givenNames", "dateOfBirth", "whereabouts")),
    /** Address, phone, current location: consent, and never for security or exclusion purposes. */
    CONTACT(true, Set.of("address", "phone", "currentLocation")),
    /** Specific needs: consent, protection purposes only, and always human review. */
    SPECIFIC_NEEDS(true, Set.of("codes", "notes"));

    private final boolean requiresConsent;
    private final Set<String> fields;

    Category(boolean requiresConsent, Set<String> fields) {
        this.requiresConsent = requiresConsent;
        this.fields = fields;
    }

    /** Whether this category leaves the holder only under an active consent that covers it. */
    public boolean requiresConsent() {
        return requiresConsent;
    }

    /** The field names of the record JSON (schema {@code record.json}) in this category; redactions name these. */
    public Set<String> fields() {
        return fields;
    }

    public static Category parse(String name) {
        for (Category category : values()) {
            if (category.name().equals(name)) {
                return category;
            }
        }
        throw new IllegalArgumentException("Unknown category '" + name + "'; expected one of "
                + java.util.Arrays.toString(values()));
    }
}
