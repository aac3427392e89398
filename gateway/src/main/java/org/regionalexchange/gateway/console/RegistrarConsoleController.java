package org.regionalexchange.gateway.console;

import java.util.List;
import java.util.UUID;

import org.regionalexchange.gateway.consent.ConsentDesk;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.records.RegistrarDesk;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registrar's screens: the agency's records (search, open, create), a record's consents
 * (record, withdraw) and its history. Through {@link RegistrarDesk} and {@link ConsentDesk}, the
 * same services as {@code /api/v1/records} and {@code /api/v1/records/{id}/consents}.
 */
@Controller
@RequestMapping("/console/registrar")
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class RegistrarConsoleController {

    static final List<String> STATUSES = List.of("ASYLUM_SEEKER", "REFUGEE", "REJECTED", "STATELESS",
            "OTHER_PROTECTION", "CLOSED");

    private final RegistrarDesk records;
    private final ConsentDesk consents;
    private final ConsoleProperties properties;
    private final JsonMapper json;

    RegistrarConsoleController(RegistrarDesk records, ConsentDesk consents, ConsoleProperties properties,
            JsonMapper json) {
        this.records = records;
        this.consents = consents;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping("/records")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("found", records.search(user.officer(), q, page, properties.pageSize()));
        return "console/registrar/records";
    }

    @GetMapping("/records/new")
    String form(Model model) {
        model.addAttribute("form", new RecordForm());
        return form(model, null);
    }

    @PostMapping("/records")
    String create(@ModelAttribute("form") RecordForm form, @AuthenticationPrincipal ConsoleUser user, Model model) {
        UUID id;
        try {
            id = records.register(user.officer(), form.toRecord(json), form.revisionReason());
        } catch (ApiException e) {
            return form(model, ConsoleModel.ShownProblem.of(e));
        }
        return "redirect:/console/registrar/records/" + id;
    }

    @GetMapping("/records/{id}")
    String record(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("recordId", id);
        try {
            ObjectNode record = records.read(user.officer(), id);
            model.addAttribute("record", record);
            List<String> nationalities = new java.util.ArrayList<>();
            record.path("identity").path("nationalities").forEach(code -> nationalities.add(code.asString()));
            model.addAttribute("nationalities", String.join(", ", nationalities));
            model.addAttribute("consents", consents.list(user.officer(), id));
        } catch (ApiException e) {
            model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
        }
        if (!model.containsAttribute("consentForm")) {
            model.addAttribute("consentForm", new ConsentForm());
        }
        model.addAttribute("purposes", OfficerConsoleController.PURPOSES);
        model.addAttribute("categories", OfficerConsoleController.CATEGORIES);
        return "console/registrar/record";
    }

    @PostMapping("/records/{id}/consents")
    String recordConsent(@PathVariable UUID id, @ModelAttribute("consentForm") ConsentForm form,
            @AuthenticationPrincipal ConsoleUser user, RedirectAttributes redirect) {
        try {
            consents.record(user.officer(), id, form.toConsent(json));
            redirect.addFlashAttribute("done", "consent.recorded");
        } catch (ApiException e) {
            redirect.addFlashAttribute("consentProblem", ConsoleModel.ShownProblem.of(e));
            redirect.addFlashAttribute("consentForm", form);
        }
        return "redirect:/console/registrar/records/" + id + "#consents";
    }

    @PostMapping("/records/{id}/consents/{consentId}/withdrawal")
    String withdraw(@PathVariable UUID id, @PathVariable UUID consentId, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal ConsoleUser user, RedirectAttributes redirect) {
        try {
            ObjectNode withdrawal = json.createObjectNode().put("reason", reason.strip());
            consents.withdraw(user.officer(), id, consentId, withdrawal);
            redirect.addFlashAttribute("done", "consent.withdrawn");
        } catch (ApiException e) {
            redirect.addFlashAttribute("consentProblem", ConsoleModel.ShownProblem.of(e));
        }
        return "redirect:/console/registrar/records/" + id + "#consents";
    }

    @GetMapping("/records/{id}/history")
    String history(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("recordId", id);
        try {
            model.addAttribute("revisions", records.history(user.officer(), id));
        } catch (ApiException e) {
            model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
        }
        return "console/registrar/history";
    }

    private String form(Model model, ConsoleModel.ShownProblem problem) {
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("problem", problem);
        return "console/registrar/record-form";
    }
}
