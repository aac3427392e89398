package org.regionalexchange.gateway.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.regionalexchange.gateway.audit.DpoDesk;
import org.regionalexchange.gateway.audit.RevisionEntry;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The data-protection officer's screens: the activity per day, the access log searched with the
 * API's filters, the chain's status and its verification, one person's disclosure report
 * (printable), a record's revisions and the alerts (the checkpoints are
 * {@link DpoCheckpointConsoleController}'s). Through {@link DpoDesk}, the same service as
 * {@code /api/v1/audit}; every view of the log's content is logged there.
 */
@Controller
@RequestMapping("/console/dpo")
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class DpoConsoleController {

    /** The API's filters, in the order the form shows them. */
    static final List<String> FILTERS = List.of("recordId", "requestId", "agency", "actor", "outcome", "action",
            "from", "to");

    private final DpoDesk desk;
    private final ConsoleProperties properties;

    DpoConsoleController(DpoDesk desk, ConsoleProperties properties) {
        this.desk = desk;
        this.properties = properties;
    }

    @GetMapping("/events")
    String events(@RequestParam Map<String, String> parameters, @AuthenticationPrincipal ConsoleUser user,
            Model model) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String filter : FILTERS) {
            String value = parameters.getOrDefault(filter, "").strip();
            if (!value.isEmpty()) {
                given.put(filter, value);
            }
        }
        Map<String, String> query = new LinkedHashMap<>(given);
        query.put("page", parameters.getOrDefault("page", "0"));
        query.put("size", Integer.toString(properties.pageSize()));
        model.addAttribute("filters", FILTERS);
        model.addAttribute("given", given);
        try {
            var found = desk.events(user.officer(), query);
            model.addAttribute("found", found);
            if (found.page() > 0) {
                model.addAttribute("previous", pageLink(given, found.page() - 1));
            }
            if ((long) (found.page() + 1) * found.size() < found.total()) {
                model.addAttribute("next", pageLink(given, found.page() + 1));
            }
        } catch (ApiException e) {
            model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
        }
        return "console/dpo/events";
    }

    /** The search's own address with another page: the filters as given, encoded. */
    private static String pageLink(Map<String, String> given, int page) {
        var link = org.springframework.web.util.UriComponentsBuilder.fromPath("/console/dpo/events");
        given.forEach(link::queryParam);
        return link.queryParam("page", page).encode().build().toUriString();
    }

    @GetMapping("/chain")
    String chain() {
        return "console/dpo/chain";
    }

    @PostMapping("/chain")
    String verify(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("verification", desk.verify(user.officer()));
        return "console/dpo/chain";
    }

    @GetMapping("/disclosures")
    String disclosures(@RequestParam(defaultValue = "") String recordId, @AuthenticationPrincipal ConsoleUser user,
            Model model) {
        model.addAttribute("recordId", recordId.strip());
        if (!recordId.isBlank()) {
            try {
                model.addAttribute("disclosures", desk.disclosures(user.officer(), uuid(recordId)));
            } catch (ApiException e) {
                model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
            }
        }
        return "console/dpo/disclosures";
    }

    /** The events per UTC day of the last days, by kind: a chart and the same numbers as a table. */
    @GetMapping("/activity")
    String activity(Model model) {
        model.addAttribute("activity", desk.activity());
        return "console/dpo/activity";
    }

    /**
     * A record's revisions and its consents', as {@code GET /api/v1/audit/records/{id}/revisions}
     * gives them (oldest first), shown a page at a time; each look is a history read in the log.
     */
    @GetMapping("/records/{recordId}/revisions")
    String revisions(@PathVariable String recordId, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("recordId", recordId);
        try {
            List<RevisionEntry> all = desk.revisions(user.officer(), uuid(recordId));
            int size = properties.pageSize();
            int shown = Math.max(0, page);
            int from = (int) Math.min((long) shown * size, all.size());
            model.addAttribute("revisions", all.subList(from, Math.min(from + size, all.size())));
            model.addAttribute("total", all.size());
            model.addAttribute("page", shown);
            model.addAttribute("first", from + 1);
            if (shown > 0) {
                model.addAttribute("previous", shown - 1);
            }
            if (from + size < all.size()) {
                model.addAttribute("next", shown + 1);
            }
        } catch (ApiException e) {
            model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
        }
        return "console/dpo/revisions";
    }

    /** A record id as the API takes it; anything else is the API's {@code invalid_parameter}. */
    private static UUID uuid(String recordId) {
        try {
            return UUID.fromString(recordId.strip());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "recordId is not a UUID.",
                    List.of(new FieldError("recordId", "must be a UUID")));
        }
    }

    @GetMapping("/alerts")
    String alerts(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("alerts", desk.alerts(user.officer()));
        return "console/dpo/alerts";
    }
}
