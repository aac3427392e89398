package org.regionalexchange.gateway.directory;

import java.util.ArrayList;
import java.util.List;

import org.regionalexchange.gateway.node.NodeProperties;
import org.springframework.stereotype.Component;

/**
 * The National Reference Guide of this node's state as the Regional Guidelines' Annex 2 lays it
 * out: the agency in charge of refugee status determination, of child protection, of protection of
 * victims of trafficking, of victims of violence or vulnerable persons, then UNHCR's office. Each
 * section lists the agencies this node serves with that function, in the registry's order; a
 * section may be empty (the state has no such agency in the registry), and says so. Annex 2's list
 * of assistance programmes has no function in the registry and is not printed.
 */
@Component
class NationalReferenceGuide {

    /** Annex 2's sections, in its order: a referral function of the registry, or UNHCR's office. */
    enum Section {
        RSD, CHILD_PROTECTION, ANTI_TRAFFICKING, CARE, UNHCR;

        boolean covers(Agency agency) {
            return this == UNHCR ? "UNHCR".equals(agency.organization()) : agency.functions().contains(name());
        }
    }

    record Entry(Section section, List<Agency> agencies) {
        Entry {
            agencies = List.copyOf(agencies);
        }
    }

    private final String country;
    private final String nodeId;
    private final List<Entry> entries;

    NationalReferenceGuide(ParticipantRegistry registry, NodeProperties node) {
        this.nodeId = node.id();
        RegisteredNode self = registry.node(node.id()).orElseThrow();
        this.country = self.country();
        List<Agency> ours = registry.agencies().stream().filter(a -> a.node().equals(node.id())).toList();
        List<Entry> built = new ArrayList<>();
        for (Section section : Section.values()) {
            built.add(new Entry(section, ours.stream().filter(section::covers).toList()));
        }
        this.entries = List.copyOf(built);
    }

    /** The state's ISO country code; null for an organization's node. */
    String country() {
        return country;
    }

    String nodeId() {
        return nodeId;
    }

    List<Entry> entries() {
        return entries;
    }
}
