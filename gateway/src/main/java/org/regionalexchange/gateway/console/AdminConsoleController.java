package org.regionalexchange.gateway.console;

import java.util.Comparator;

import org.regionalexchange.gateway.agreements.AgreementDesk;
import org.regionalexchange.gateway.directory.Agency;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The administrator's read-only screens: the data-sharing agreements as
 * {@code GET /api/v1/admin/agreements} lists them, and the agency directory (the National
 * Reference Guides) as {@code GET /api/v1/directory/agencies}. Changes go through the API.
 */
@Controller
@RequestMapping("/console/admin")
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class AdminConsoleController {

    private final AgreementDesk agreements;
    private final ParticipantRegistry registry;

    AdminConsoleController(AgreementDesk agreements, ParticipantRegistry registry) {
        this.agreements = agreements;
        this.registry = registry;
    }

    @GetMapping("/agreements")
    String agreements(Model model) {
        model.addAttribute("agreements", agreements.all());
        return "console/admin/agreements";
    }

    @GetMapping("/directory")
    String directory(Model model) {
        model.addAttribute("agencies", registry.agencies().stream().sorted(Comparator.comparing(Agency::id)).toList());
        model.addAttribute("nodes", registry.nodes().stream()
                .collect(java.util.stream.Collectors.toMap(node -> node.id(), node -> node)));
        return "console/admin/directory";
    }
}
