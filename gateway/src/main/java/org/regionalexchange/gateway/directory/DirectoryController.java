package org.regionalexchange.gateway.directory;

import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agency directory, i.e. the National Reference Guide of every participating state
 * (Regional Guidelines, section 6.2): who does what, and how to reach them. Any authenticated role.
 */
@RestController
@RequestMapping("/api/v1/directory")
class DirectoryController {

    private final ParticipantRegistry registry;

    DirectoryController(ParticipantRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/agencies")
    AgencyList agencies() {
        List<AgencyEntry> entries = registry.agencies().stream()
                .sorted(Comparator.comparing(Agency::id))
                .map(agency -> {
                    RegisteredNode node = registry.node(agency.node()).orElseThrow();
                    return new AgencyEntry(agency.id(), agency.name(), agency.node(), node.country(),
                            agency.organization() != null ? agency.organization() : node.organization(),
                            agency.functions(), agency.contact());
                })
                .toList();
        return new AgencyList(entries);
    }

    record AgencyList(List<AgencyEntry> agencies) {
    }

    record AgencyEntry(String agencyId, String name, String node, String country, String organization,
            List<String> functions, Agency.Contact contact) {
    }
}
