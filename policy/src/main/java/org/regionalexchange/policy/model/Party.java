package org.regionalexchange.policy.model;

/**
 * A party to an exchange or an agreement: a state (by country code) or an international organization.
 * A node is one or the other, never both (docs/design.md §2).
 */
public sealed interface Party permits Party.Country, Party.Organization {

    static Party country(String code) {
        return new Country(CountryCode.of(code));
    }

    static Party organization(String code) {
        return new Organization(OrganizationCode.of(code));
    }

    /**
     * The party of a node or agency that names either a country or an organization (a registry
     * entry, a node's own configuration): the country when there is one, else the organization.
     */
    static Party of(String country, String organization) {
        return country != null ? country(country) : organization(organization);
    }

    /** A state party. */
    record Country(CountryCode code) implements Party {
        public Country {
            Require.present(code, "country of party");
        }

        @Override
        public String toString() {
            return "country " + code;
        }
    }

    /** An organization party such as UNHCR; it has no country of its own. */
    record Organization(OrganizationCode code) implements Party {
        public Organization {
            Require.present(code, "organization of party");
        }

        @Override
        public String toString() {
            return "organization " + code;
        }
    }
}
