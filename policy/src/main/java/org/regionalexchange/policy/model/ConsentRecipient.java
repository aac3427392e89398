package org.regionalexchange.policy.model;

/**
 * One recipient named in a consent: a country, an agency or an organization (docs/openapi.yaml: a recipient entry
 * names exactly one of country, agency, organization).
 */
public sealed interface ConsentRecipient
        permits ConsentRecipient.OfCountry, ConsentRecipient.OfAgency, ConsentRecipient.OfOrganization {

    /** Whether this entry names the requester: its country, its agency, or its organization. */
    boolean names(Requester requester);

    static ConsentRecipient country(String code) {
        return new OfCountry(CountryCode.of(code));
    }

    static ConsentRecipient agency(String id) {
        return new OfAgency(AgencyId.of(id));
    }

    static ConsentRecipient organization(String code) {
        return new OfOrganization(OrganizationCode.of(code));
    }

    /** Every agency of the country's nodes. */
    record OfCountry(CountryCode country) implements ConsentRecipient {
        public OfCountry {
            Require.present(country, "recipient country");
        }

        @Override
        public boolean names(Requester requester) {
            return requester.party() instanceof Party.Country c && c.code().equals(country);
        }
    }

    /** This one agency only; another agency of the same country is not covered. */
    record OfAgency(AgencyId agency) implements ConsentRecipient {
        public OfAgency {
            Require.present(agency, "recipient agency");
        }

        @Override
        public boolean names(Requester requester) {
            return requester.agency().equals(agency);
        }
    }

    /** An organization such as UNHCR. */
    record OfOrganization(OrganizationCode organization) implements ConsentRecipient {
        public OfOrganization {
            Require.present(organization, "recipient organization");
        }

        @Override
        public boolean names(Requester requester) {
            return requester.party() instanceof Party.Organization o && o.code().equals(organization);
        }
    }
}
