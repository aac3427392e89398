package org.regionalexchange.policy.referral;

import java.util.Optional;

import org.regionalexchange.policy.model.Require;

/**
 * How to reach an agency, as the National Reference Guide gives it (seed 000 §6.2 and Annex 2: "general
 * description of the services provided, name of the department/ unit, contact telephone number, address, and
 * working hours. If there is a duty officer/ hotline in place, the telephone number needs to be indicated as
 * well"). Printed on a referral slip so that it is useful at a post without a link.
 */
public record ContactBlock(Optional<String> servicesDescription, String department, Optional<String> contactPerson,
                           String phone, Optional<String> email, String address, String workingHours,
                           Optional<String> hotline) {
    public ContactBlock {
        Require.optionalNonBlank(servicesDescription, "services description", 4000);
        Require.nonBlank(department, "department", 200);
        Require.optionalNonBlank(contactPerson, "contact person", 200);
        Require.nonBlank(phone, "phone", 200);
        Require.optionalNonBlank(email, "email", 200);
        Require.nonBlank(address, "address", 200);
        Require.nonBlank(workingHours, "working hours", 200);
        Require.optionalNonBlank(hotline, "hotline", 200);
    }
}
