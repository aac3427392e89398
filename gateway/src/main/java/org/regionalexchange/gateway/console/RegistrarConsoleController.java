package org.regionalexchange.gateway.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.regionalexchange.gateway.consent.ConsentDesk;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.records.RegistrarDesk;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
 * The registrar's screens: the agency's records (search, open, create, edit at the version read),
 * a record's consents (record, withdraw) and its history. Through {@link RegistrarDesk} and
 * {@link ConsentDesk}, the same services as {@code /api/v1/records} and
 * {@code /api/v1/records/{id}/consents}. The referral inbox is {@link ReferralInboxConsoleController}.
 */
@Controller
@RequestMapping("/console/registrar")
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class RegistrarConsoleController {

    static final List<String> STATUSES = List.of("ASYLUM_SEEKER", "REFUGEE", "REJECTED", "STATELESS",
            "OTHER_PROTECTION", "CLOSED");
    /** The codes of schema {@code record}, in its order. */
    static final List<String> DOCUMENT_TYPES = List.of("PASSPORT", "NATIONAL_ID", "TRAVEL_DOCUMENT",
            "BIRTH_CERTIFICATE", "ASYLUM_SEEKER_CERTIFICATE", "REFUGEE_CERTIFICATE", "OTHER");
    static final List<String> GROUNDS = List.of("RACE", "RELIGION", "NATIONALITY", "POLITICAL_OPINION",
            "PARTICULAR_SOCIAL_GROUP", "GENERALIZED_VIOLENCE", "OTHER");
    static final List<String> RELATIONS = List.of("SPOUSE", "CHILD", "PARENT", "SIBLING", "GUARDIAN", "OTHER");
    static final List<String> NEEDS = List.of("UNACCOMPANIED_CHILD", "SEPARATED_CHILD", "SGBV_SURVIVOR",
            "TRAFFICKING_VICTIM", "TORTURE_SURVIVOR", "DISABILITY", "SERIOUS_MEDICAL_CONDITION", "WOMAN_AT_RISK",
            "ELDERLY");

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
            model.addAttribute("latin", latin(record.path("identity").path("familyName").asString(""),
                    record.path("identity").path("givenNames").asString("")));
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

    /** The edit form: every member the API's PUT takes, at the version read now. */
    @GetMapping("/records/{id}/edit")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Model model) {
        RecordEditForm form = null;
        ConsoleModel.ShownProblem problem = null;
        try {
            form = RecordEditForm.of(records.read(user.officer(), id));
        } catch (ApiException e) {
            problem = ConsoleModel.ShownProblem.of(e);
        }
        return editPage(id, form, model, problem);
    }

    /**
     * Saves the record as {@code PUT /api/v1/records/{id}} with {@code If-Match} of the version the
     * form was filled at: a record changed since is refused (409 conflict) and stays as it is, and
     * the form keeps what was typed.
     */
    @PostMapping("/records/{id}/edit")
    String save(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> posted,
            @AuthenticationPrincipal ConsoleUser user, Model model, RedirectAttributes redirect) {
        RecordEditForm form = RecordEditForm.of(posted);
        try {
            Long version = form.version();
            if (version == null) {
                throw new ApiException(ErrorCode.INVALID_VALUE, "The form names no version of the record.",
                        List.of(new FieldError("version", "the version the record was read at")));
            }
            records.update(user.officer(), id, form.toRecord(json), version, form.revisionReason());
        } catch (ApiException e) {
            return editPage(id, form, model, ConsoleModel.ShownProblem.of(e));
        }
        redirect.addFlashAttribute("recordDone", "record.saved");
        return "redirect:/console/registrar/records/" + id;
    }

    /** The Latin spelling of the names being typed (htmx, as the registrar types; no record is read). */
    @PostMapping("/transliteration")
    String transliteration(@RequestParam(defaultValue = "") String familyName,
            @RequestParam(defaultValue = "") String givenNames, Model model) {
        model.addAttribute("latin", latin(familyName, givenNames));
        return "console/registrar/record-edit :: transliteration";
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

    private String editPage(UUID id, RecordEditForm form, Model model, ConsoleModel.ShownProblem problem) {
        model.addAttribute("recordId", id);
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        // A stale version: the record changed since the form was filled; nothing was saved.
        model.addAttribute("stale", problem != null && problem.code().equals(ErrorCode.CONFLICT.code())
                && problem.fields().stream().anyMatch(field -> field.field().equals("version")));
        if (form != null) {
            model.addAttribute("latin", latin(form.value("familyName"), form.value("givenNames")));
        }
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("documentTypes", DOCUMENT_TYPES);
        model.addAttribute("grounds", GROUNDS);
        model.addAttribute("relations", RELATIONS);
        model.addAttribute("needs", NEEDS);
        return "console/registrar/record-edit";
    }

    private Map<String, String> latin(String familyName, String givenNames) {
        return Map.of("familyName", records.transliterate(familyName), "givenNames", records.transliterate(givenNames));
    }

    private String form(Model model, ConsoleModel.ShownProblem problem) {
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("problem", problem);
        return "console/registrar/record-form";
    }
}
