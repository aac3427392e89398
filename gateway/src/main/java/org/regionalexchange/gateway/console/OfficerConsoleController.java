package org.regionalexchange.gateway.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.regionalexchange.gateway.directory.Agency;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.exchange.RequestDesk;
import org.regionalexchange.gateway.node.NodeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The officer's screens: the individualized request form, the outcome with its handling rules and
 * evidence, and the agency's requests. Every action goes through {@link RequestDesk}, the same
 * service as {@code /api/v1/requests}: no rule lives here.
 */
@Controller
@RequestMapping("/console/officer")
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class OfficerConsoleController {

    static final List<String> PURPOSES = List.of("RSD_CASE_PROCESSING", "EXCLUSION_ASSESSMENT", "SECURITY_SCREENING",
            "DOCUMENT_VERIFICATION", "FAMILY_TRACING", "PROTECTION_REFERRAL", "CHILD_PROTECTION", "ANTI_TRAFFICKING");
    static final List<String> LEGAL_BASES = List.of("AGREEMENT", "NATIONAL_LAW", "CONSENT", "VITAL_INTEREST");
    static final List<String> CATEGORIES = List.of("IDENTITY", "CASE_STATUS", "CLAIM", "FAMILY", "CONTACT",
            "SPECIFIC_NEEDS");

    private final RequestDesk requests;
    private final ParticipantRegistry registry;
    private final NodeProperties node;
    private final ConsoleProperties properties;
    private final JsonMapper json;

    OfficerConsoleController(RequestDesk requests, ParticipantRegistry registry, NodeProperties node,
            ConsoleProperties properties, JsonMapper json) {
        this.requests = requests;
        this.registry = registry;
        this.node = node;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping("/requests")
    String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("sent", requests.sent(user.officer(), page, properties.pageSize()));
        return "console/officer/requests";
    }

    @GetMapping("/requests/new")
    String form(Model model) {
        model.addAttribute("form", new RequestForm());
        return form(model, null);
    }

    @PostMapping("/requests")
    String send(@ModelAttribute("form") RequestForm form, @AuthenticationPrincipal ConsoleUser user, Model model) {
        ObjectNode outcome;
        try {
            outcome = requests.send(user.officer(), form.toRequest(json));
        } catch (ApiException e) {
            return form(model, ConsoleModel.ShownProblem.of(e));
        }
        return "redirect:/console/officer/requests/" + UUID.fromString(outcome.get("requestId").asString());
    }

    @GetMapping("/requests/{id}")
    String outcome(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Model model) {
        try {
            ObjectNode outcome = requests.outcome(user.officer(), id);
            model.addAttribute("outcome", outcome);
            model.addAttribute("released", released(outcome.path("released")));
            JsonNode retainUntil = outcome.path("handling").path("retainUntil");
            model.addAttribute("retainUntil", retainUntil.isString() ? java.time.LocalDate.parse(retainUntil.asString()) : null);
        } catch (ApiException e) {
            model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
        }
        model.addAttribute("requestId", id);
        return "console/officer/outcome";
    }

    /** The holder's signed answer (a JWS), kept as evidence: what was released, by whom, under which key. */
    @GetMapping("/requests/{id}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user) {
        ObjectNode outcome = requests.outcome(user.officer(), id);
        JsonNode jws = outcome.path("evidence").path("responseJws");
        if (!jws.isString()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/jose"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("evidence-" + id + ".jws").build().toString())
                .body(jws.asString().getBytes(StandardCharsets.US_ASCII));
    }

    private String form(Model model, ConsoleModel.ShownProblem problem) {
        List<Agency> holders = new ArrayList<>(registry.agencies().stream()
                .filter(agency -> !agency.node().equals(node.id())).toList());
        holders.sort(Comparator.comparing(Agency::id));
        model.addAttribute("holders", holders);
        model.addAttribute("purposes", PURPOSES);
        model.addAttribute("legalBases", LEGAL_BASES);
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("problem", problem);
        return "console/officer/request-form";
    }

    /** Released categories as rows a person can read: each field of each category, by its path. */
    static Map<String, List<Map.Entry<String, String>>> released(JsonNode released) {
        Map<String, List<Map.Entry<String, String>>> rows = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> category : released.properties()) {
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            flatten("", category.getValue(), fields);
            rows.put(category.getKey(), fields);
        }
        return rows;
    }

    private static void flatten(String path, JsonNode value, List<Map.Entry<String, String>> into) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), into);
            }
        } else if (value.isArray()) {
            int i = 0;
            for (JsonNode item : value) {
                flatten(path + "[" + i++ + "]", item, into);
            }
        } else {
            into.add(Map.entry(path, value.isNull() ? "" : value.asString()));
        }
    }
}
