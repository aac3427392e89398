package org.regionalexchange.policy.referral;

import java.util.Optional;
import java.util.Set;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.OrganizationCode;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.Require;

/**
 * An agency as the referral rules see it: one entry of the participant registry with its functions and the
 * contact block of the National Reference Guide (the gateway adapts its registry to this value).
 *
 * @param party the state the agency is an authority of (the country of the node that serves it), or the
 *              international organization whose office it is (e.g. UNHCR), which has no country
 */
public record DirectoryAgency(AgencyId id, String name, Party party, Set<AgencyFunction> functions,
                              ContactBlock contact) {
    static final OrganizationCode UNHCR = OrganizationCode.of("UNHCR");

    public DirectoryAgency {
        Require.present(id, "agency id");
        Require.nonBlank(name, "name of agency " + id, 200);
        Require.present(party, "party of agency " + id);
        functions = Require.enumSet(functions, AgencyFunction.class, "functions of agency " + id);
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("Agency " + id + " has no function; expected at least one");
        }
        Require.present(contact, "contact block of agency " + id);
    }

    /** The state whose authority this agency is; empty for an organization's office. */
    public Optional<CountryCode> country() {
        return party instanceof Party.Country c ? Optional.of(c.code()) : Optional.empty();
    }

    /** An office of UNHCR (seed 000 §7.3), which the person must always be told about (000 §5.3, §6). */
    public boolean isUnhcrOffice() {
        return party instanceof Party.Organization o && o.code().equals(UNHCR);
    }

    public boolean has(AgencyFunction function) {
        return functions.contains(function);
    }
}
