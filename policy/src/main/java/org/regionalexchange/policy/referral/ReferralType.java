package org.regionalexchange.policy.referral;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of referral (docs/design.md §11), each with the agency function it needs and the categories it
 * may carry. The category sets are the minimum each receiver needs for its task (seed 000 §4, "principle of
 * confidentiality and protection of personal information" and "principle of non-re-victimization"; seed 002:
 * "referral procedures respect confidentiality"):
 * <ul>
 *   <li>the asylum procedure takes the claim, family, contact and the screening, never specific needs (as the
 *       exchange never releases them for RSD case processing);</li>
 *   <li>child protection takes family (tracing, guardianship), contact, specific needs and the screening, never
 *       the asylum claim;</li>
 *   <li>anti-trafficking takes contact, specific needs and the screening, never claim or family;</li>
 *   <li>care for specific needs takes identity, contact and the needs, never the story of the flight;</li>
 *   <li>UNHCR, whose mandate covers the whole of the person's protection (000 §7.3), may take every category.</li>
 * </ul>
 */
public enum ReferralType {
    /** 000 §6: "Refugee status applicants should be directly referred to the competent national authority". */
    ASYLUM_PROCEDURE(Optional.of(AgencyFunction.RSD), EnumSet.of(ReferralCategory.IDENTITY,
            ReferralCategory.CASE_STATUS, ReferralCategory.CLAIM, ReferralCategory.FAMILY, ReferralCategory.CONTACT,
            ReferralCategory.SCREENING)),
    /** 000 §6.1: children "referred to the competent government agency in charge of ... children". */
    CHILD_PROTECTION(Optional.of(AgencyFunction.CHILD_PROTECTION), EnumSet.of(ReferralCategory.IDENTITY,
            ReferralCategory.CASE_STATUS, ReferralCategory.FAMILY, ReferralCategory.CONTACT,
            ReferralCategory.SPECIFIC_NEEDS, ReferralCategory.SCREENING)),
    /** 000 §6.1: "referred to the competent state authority in charge of protection of victims of trafficking". */
    ANTI_TRAFFICKING(Optional.of(AgencyFunction.ANTI_TRAFFICKING), EnumSet.of(ReferralCategory.IDENTITY,
            ReferralCategory.CASE_STATUS, ReferralCategory.CONTACT, ReferralCategory.SPECIFIC_NEEDS,
            ReferralCategory.SCREENING)),
    /** 000 §6.1: "referred to the appropriate institution to receive the necessary treatment and care". */
    SPECIFIC_NEEDS_CARE(Optional.of(AgencyFunction.CARE), EnumSet.of(ReferralCategory.IDENTITY,
            ReferralCategory.CONTACT, ReferralCategory.SPECIFIC_NEEDS)),
    /** 000 §5.3 and §6: "the person should be informed about the existence of UNHCR"; the receiver is its office. */
    UNHCR(Optional.empty(), EnumSet.allOf(ReferralCategory.class));

    private final Optional<AgencyFunction> function;
    private final Set<ReferralCategory> categories;

    ReferralType(Optional<AgencyFunction> function, Set<ReferralCategory> categories) {
        this.function = function;
        this.categories = categories;
    }

    /** The function the receiving agency needs; empty for {@code UNHCR}, whose receiver is a UNHCR office. */
    public Optional<AgencyFunction> function() {
        return function;
    }

    /** The categories this type may carry. */
    public Set<ReferralCategory> categories() {
        return Collections.unmodifiableSet(categories);
    }

    /** Whether the agency can receive this type: it has the function, or is a UNHCR office for {@code UNHCR}. */
    public boolean isReceivableBy(DirectoryAgency agency) {
        return function.map(agency::has).orElseGet(agency::isUnhcrOffice);
    }

    public static ReferralType parse(String name) {
        for (ReferralType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown referral type '" + name + "'; expected one of "
                + Arrays.toString(values()));
    }
}
