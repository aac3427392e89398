package org.regionalexchange.gateway.liaison;

import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.security.Officer;
import org.springframework.stereotype.Service;

import tools.jackson.databind.node.ObjectNode;

/**
 * The liaison's view for callers other than the API's controller (the console): the same
 * {@link LiaisonService} as {@code GET /api/v1/liaison/records} and {@code /{id}}, every list and
 * view logged there. No rule of its own.
 */
@Service
public class LiaisonDesk {

    /** One record a consent in force shares with the liaison's organization: its id and categories, no personal data. */
    public record CoveredRecord(UUID id, List<String> categories, List<WithheldCategory> withheld) {
    }

    /** A consented category held back until the holder's reviewer has looked at it. */
    public record WithheldCategory(String category, String code) {
    }

    private final LiaisonService liaison;

    LiaisonDesk(LiaisonService liaison) {
        this.liaison = liaison;
    }

    public List<CoveredRecord> covered(Officer officer) {
        return liaison.list(officer).stream()
                .map(covered -> new CoveredRecord(covered.id(),
                        covered.categories().stream().map(Enum::name).toList(),
                        covered.withheld() == null ? List.of() : covered.withheld().stream()
                                .map(w -> new WithheldCategory(w.category().name(), w.code())).toList()))
                .toList();
    }

    /** The consented categories of one record, as {@code GET /api/v1/liaison/records/{id}}. */
    public ObjectNode view(Officer officer, UUID recordId) {
        return liaison.view(officer, recordId);
    }
}
