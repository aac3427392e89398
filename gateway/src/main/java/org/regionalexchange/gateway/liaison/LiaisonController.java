package org.regionalexchange.gateway.liaison;

import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.security.Officer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/liaison/records}: the UNHCR liaison (role {@code liaison}, checked by the security
 * table; its agency must be an organization's office) lists the records whose consent in force
 * covers its organization and reads one, only the consented categories. Both are logged.
 */
@RestController
@RequestMapping("/api/v1/liaison/records")
class LiaisonController {

    private final LiaisonService liaison;

    LiaisonController(LiaisonService liaison) {
        this.liaison = liaison;
    }

    @GetMapping
    Listing list(@AuthenticationPrincipal Officer officer) {
        return new Listing(liaison.list(officer));
    }

    @GetMapping("/{id}")
    ObjectNode view(@PathVariable UUID id, @AuthenticationPrincipal Officer officer) {
        return liaison.view(officer, id);
    }

    record Listing(List<LiaisonService.Covered> records) {
    }
}
