package org.regionalexchange.policy.referral;

import java.util.Optional;

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
        Values.optionalText(servicesDescription, "services description", 4000);
        Values.text(department, "department", 200);
        Values.optionalText(contactPerson, "contact person", 200);
        Values.text(phone, "phone", 200);
        Values.optionalText(email, "email", 200);
        Values.text(address, "address", 200);
        Values.text(workingHours, "working hours", 200);
        Values.optionalText(hotline, "hotline", 200);
    }
}
