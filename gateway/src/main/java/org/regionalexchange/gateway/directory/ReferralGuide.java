package org.regionalexchange.gateway.directory;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.referral.AgencyFunction;
import org.regionalexchange.policy.referral.ContactBlock;
import org.regionalexchange.policy.referral.DirectoryAgency;
import org.regionalexchange.policy.referral.ReferralDirectory;
import org.springframework.stereotype.Component;

/**
 * The participant registry as the referral rules see it (docs/policy.md §10.6): each agency as a
 * {@link DirectoryAgency} (party: its organization when it has one, else its node's country), and
 * the National Reference Guide of this node's state as a {@link ReferralDirectory}: the agencies
 * this node serves, in the registry's order.
 */
@Component
public class ReferralGuide {

    private final ParticipantRegistry registry;
    private final ReferralDirectory guide;

    ReferralGuide(ParticipantRegistry registry, NodeProperties node) {
        this.registry = registry;
        this.guide = new ReferralDirectory(registry.agencies().stream()
                .filter(agency -> agency.node().equals(node.id()))
                .map(this::adapt)
                .toList());
    }

    /** The National Reference Guide of the state where this node's screenings take place. */
    public ReferralDirectory guide() {
        return guide;
    }

    /** Any agency of the registry (of any node), as a possible receiver of a referral. */
    public Optional<DirectoryAgency> agency(String agencyId) {
        return registry.agency(agencyId).map(this::adapt);
    }

    /** The node that serves the agency. */
    public Optional<String> nodeOf(String agencyId) {
        return registry.agency(agencyId).map(Agency::node);
    }

    private DirectoryAgency adapt(Agency agency) {
        Set<AgencyFunction> functions = agency.functions().stream().map(AgencyFunction::parse)
                .collect(Collectors.toSet());
        return new DirectoryAgency(AgencyId.of(agency.id()), agency.name(), partyOf(agency), functions,
                contact(agency.contact()));
    }

    private Party partyOf(Agency agency) {
        return registry.partyOf(agency.id()).orElseThrow().party();
    }

    private static ContactBlock contact(Agency.Contact contact) {
        return new ContactBlock(Optional.ofNullable(contact.servicesDescription()), contact.department(),
                Optional.ofNullable(contact.contactPerson()), contact.phone(), Optional.ofNullable(contact.email()),
                contact.address(), contact.workingHours(), Optional.ofNullable(contact.hotline()));
    }
}
