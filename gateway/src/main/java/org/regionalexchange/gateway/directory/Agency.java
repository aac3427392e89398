package org.regionalexchange.gateway.directory;

import java.util.List;

/**
 * An agency of the participant registry, with the contact block of the National Reference Guide
 * (Regional Guidelines, section 6.2 and Annex 2).
 *
 * @param id           e.g. {@code KZ-MIGRATION}
 * @param node         id of the node that serves the agency
 * @param organization set for an international organization's office (e.g. {@code UNHCR}), else null
 */
public record Agency(String id, String node, String organization, String name, List<String> functions,
        Contact contact) {

    public Agency {
        functions = List.copyOf(functions);
    }

    /** Annex 2 of the Regional Guidelines: department, phone, address, working hours, hotline. */
    public record Contact(String servicesDescription, String department, String contactPerson, String phone,
            String email, String address, String workingHours, String hotline) {
    }
}
