package org.regionalexchange.gateway.console;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.regionalexchange.gateway.directory.Agency;
import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.records.RegistrarDesk;
import org.regionalexchange.gateway.referral.ReferralDesk;
import org.regionalexchange.gateway.screening.ScreeningDesk;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The receiving office's screens (docs/referrals.md §3): the referral inbox of the registrar's
 * agency, one referral with the steps its status allows — acknowledge, accept, decline, complete —
 * its slip, and the record opened from it once accepted. Through {@link ReferralDesk}, the same
 * services as {@code /api/v1/referrals}: the lifecycle's rules, the roles and the agency are judged
 * there, and each step is refused or taken exactly as the API would.
 */
@Controller
@RequestMapping("/console/registrar/referrals")
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class ReferralInboxConsoleController {

    private final ReferralDesk referrals;
    private final RegistrarDesk records;
    private final ScreeningDesk screenings;
    private final ParticipantRegistry registry;
    private final ConsoleProperties properties;
    private final JsonMapper json;

    ReferralInboxConsoleController(ReferralDesk referrals, RegistrarDesk records, ScreeningDesk screenings,
            ParticipantRegistry registry, ConsoleProperties properties, JsonMapper json) {
        this.referrals = referrals;
        this.records = records;
        this.screenings = screenings;
        this.registry = registry;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping
    String inbox(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal ConsoleUser user, Model model) {
        ReferralPage inbox = ReferralPage.of(referrals.inbox(user.officer(), page, properties.pageSize()));
        model.addAttribute("inbox", inbox);
        Map<String, String> nodes = new LinkedHashMap<>();
        inbox.referrals().forEach(row -> nodes.put(row.path("fromAgency").asString(),
                nodeOf(row.path("fromAgency").asString())));
        model.addAttribute("nodes", nodes);
        return "console/registrar/referrals";
    }

    @GetMapping("/{id}")
    String referral(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Locale locale, Model model) {
        try {
            model.addAttribute("referral", referrals.read(user.officer(), id));
        } catch (ApiException e) {
            model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
        }
        describe(id, user, locale, model);
        return "console/registrar/referral";
    }

    @PostMapping("/{id}/acknowledgement")
    String acknowledge(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Locale locale,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        return step(id, user, locale, htmx, model, redirect, () -> referrals.acknowledge(user.officer(), id));
    }

    @PostMapping("/{id}/acceptance")
    String accept(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Locale locale,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        return step(id, user, locale, htmx, model, redirect, () -> referrals.accept(user.officer(), id));
    }

    @PostMapping("/{id}/decline")
    String decline(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal ConsoleUser user, Locale locale,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("typed", Map.of("reason", reason));
        return step(id, user, locale, htmx, model, redirect, () -> referrals.decline(user.officer(), id, reason));
    }

    @PostMapping("/{id}/completion")
    String complete(@PathVariable UUID id, @RequestParam(defaultValue = "") String successful,
            @RequestParam(defaultValue = "") String reasonNotSuccessful, @AuthenticationPrincipal ConsoleUser user,
            Locale locale, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("typed", Map.of("successful", successful, "reasonNotSuccessful", reasonNotSuccessful));
        // Neither chosen: no "successful" at all, which the service refuses as the API does.
        Boolean outcome = switch (successful) {
            case "YES" -> Boolean.TRUE;
            case "NO" -> Boolean.FALSE;
            default -> null;
        };
        return step(id, user, locale, htmx, model, redirect,
                () -> referrals.complete(user.officer(), id, outcome, reasonNotSuccessful));
    }

    /** The referral slip to print, in the console's language (English unless Russian). */
    @GetMapping("/{id}/slip")
    ResponseEntity<byte[]> slip(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Locale locale) {
        // Not the agency's referral, or revoked: the referral page says why.
        return ReferralSlipAnswer.of(referrals, user.officer(), id, locale, "/console/registrar/referrals/" + id);
    }

    /** The form that opens the agency's record from an accepted referral; once opened, the referral page links it. */
    @GetMapping("/{id}/record")
    String openForm(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Locale locale, Model model) {
        if (referrals.openedRecord(user.officer(), id).isPresent()) {
            return "redirect:/console/registrar/referrals/" + id;
        }
        model.addAttribute("form", new OpenRecordForm(Map.of()));
        return openPage(id, user, locale, model, null);
    }

    @PostMapping("/{id}/record")
    String open(@PathVariable UUID id, @RequestParam Map<String, String> posted,
            @AuthenticationPrincipal ConsoleUser user, Locale locale, Model model, RedirectAttributes redirect) {
        OpenRecordForm form = new OpenRecordForm(posted);
        UUID recordId;
        try {
            recordId = referrals.openRecord(user.officer(), id, form.toBody(json));
        } catch (ApiException e) {
            model.addAttribute("form", form);
            return openPage(id, user, locale, model, ConsoleModel.ShownProblem.of(e));
        }
        redirect.addFlashAttribute("recordDone", "record.openedFromReferral");
        redirect.addFlashAttribute("fromReferral", id.toString());
        return "redirect:/console/registrar/records/" + recordId;
    }

    private String openPage(UUID id, ConsoleUser user, Locale locale, Model model, ConsoleModel.ShownProblem problem) {
        model.addAttribute("problem", problem);
        try {
            ObjectNode referral = referrals.read(user.officer(), id);
            model.addAttribute("referral", referral);
            model.addAttribute("referred", referral.path("data").path("identity"));
        } catch (ApiException e) {
            model.addAttribute("problem", problem != null ? problem : ConsoleModel.ShownProblem.of(e));
        }
        model.addAttribute("identityFields", OpenRecordForm.IDENTITY_FIELDS);
        model.addAttribute("statuses", RegistrarConsoleController.STATUSES);
        describe(id, user, locale, model);
        return "console/registrar/open-record";
    }

    /**
     * Takes one step through the same service as the API. With htmx the referral's state (status,
     * history, actions) is replaced in place; without JavaScript the page comes back (a redirect
     * after a step taken, the page with the refusal and what was typed after one refused).
     */
    private String step(UUID id, ConsoleUser user, Locale locale, String htmx, Model model, RedirectAttributes redirect,
            Supplier<ObjectNode> step) {
        try {
            ObjectNode after = step.get();
            String done = "referralStep.done." + after.path("status").asString();
            if (htmx == null) {
                redirect.addFlashAttribute("done", done);
                return "redirect:/console/registrar/referrals/" + id;
            }
            model.addAttribute("referral", after);
            model.addAttribute("done", done);
            model.asMap().remove("typed");
        } catch (ApiException e) {
            model.addAttribute("stepProblem", ConsoleModel.ShownProblem.of(e));
            try {
                model.addAttribute("referral", referrals.read(user.officer(), id));
            } catch (ApiException unreadable) {
                model.addAttribute("problem", ConsoleModel.ShownProblem.of(unreadable));
            }
        }
        describe(id, user, locale, model);
        return htmx != null ? "console/registrar/referral :: state" : "console/registrar/referral";
    }

    /** What the referral's pages show besides the referral itself. */
    private void describe(UUID id, ConsoleUser user, Locale locale, Model model) {
        model.addAttribute("referralId", id);
        Object shown = model.getAttribute("referral");
        if (shown instanceof ObjectNode referral) {
            model.addAttribute("receiver", referral.path("toAgency").asString().equals(user.officer().agency()));
            model.addAttribute("fromNode", referral.has("fromNode") ? referral.path("fromNode").asString()
                    : nodeOf(referral.path("fromAgency").asString()));
            model.addAttribute("openedRecord", referrals.openedRecord(user.officer(), id).orElse(null));
            JsonNode identity = referral.path("data").path("identity");
            model.addAttribute("latin", Map.of(
                    "familyName", records.transliterate(identity.path("familyName").asString("")),
                    "givenNames", records.transliterate(identity.path("givenNames").asString(""))));
            if (referral.path("data").has("screening")) {
                model.addAttribute("answerLabels",
                        ScreenerConsoleController.answerLabels(screenings.questionnaire(locale.getLanguage())));
            }
        }
        if (!model.containsAttribute("answerLabels")) {
            model.addAttribute("answerLabels", Map.of());
        }
    }

    private String nodeOf(String agency) {
        return registry.agency(agency).map(Agency::node).orElse("");
    }
}
