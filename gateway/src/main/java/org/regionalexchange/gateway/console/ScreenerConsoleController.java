package org.regionalexchange.gateway.console;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.regionalexchange.gateway.audit.CorrelationIds;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.referral.ReferralDesk;
import org.regionalexchange.gateway.screening.ScreeningDesk;
import org.regionalexchange.policy.referral.ReferralCategory;
import org.regionalexchange.policy.referral.ReferralType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The screener's screens: the Annex 1 interview in the questionnaire's order and language, the
 * screening's indicators, priority and suggested referrals with the agencies' contact blocks, and
 * a referral with the person's consent (or, for child protection of a child, a best-interest
 * reason). Through {@link ScreeningDesk} and {@link ReferralDesk}, the same services as
 * {@code /api/v1/screenings} and {@code /api/v1/referrals}: the policy decides, not this screen.
 */
@Controller
@RequestMapping("/console/screener")
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class ScreenerConsoleController {

    static final List<String> INFORMED = List.of("PROCEDURE", "RIGHT_TO_SEEK_ASYLUM", "UNHCR_EXISTS");
    static final List<String> SEXES = List.of("F", "M", "X");
    static final List<String> ACCOMPANIMENTS = List.of("UNKNOWN", "WITH_PARENT_OR_LEGAL_REPRESENTATIVE",
            "WITH_OTHER_ADULTS", "ALONE");
    static final List<String> SPECIFIC_NEEDS = List.of("UNACCOMPANIED_OR_SEPARATED_CHILD", "SUSPECTED_TRAFFICKING_VICTIM",
            "VICTIM_OF_VIOLENCE_OR_TORTURE", "WOMAN_AT_RISK", "ELDERLY", "DISABILITY", "SERIOUS_MEDICAL_CONDITION");
    /** What a referral from a screening can carry; each type's rules allow some of them. */
    static final List<String> REFERRAL_CATEGORIES = List.of("IDENTITY", "SPECIFIC_NEEDS", "SCREENING");

    /** The contact block of a National Reference Guide entry, in its printed order. */
    static final List<String> CONTACT_FIELDS = List.of("servicesDescription", "department", "contactPerson", "phone",
            "email", "address", "workingHours", "hotline");

    private final ScreeningDesk screenings;
    private final ReferralDesk referrals;
    private final JsonMapper json;
    private final Clock clock;

    ScreenerConsoleController(ScreeningDesk screenings, ReferralDesk referrals, JsonMapper json, Clock clock) {
        this.screenings = screenings;
        this.referrals = referrals;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/screenings/new")
    String form(Locale locale, Model model) {
        InterviewForm form = new InterviewForm(Map.of(
                "interviewedAt", List.of(clock.instant().truncatedTo(ChronoUnit.MINUTES).toString()),
                "language", List.of(locale.getLanguage()),
                "accompaniment", List.of("UNKNOWN")));
        return form(form, locale, model, null);
    }

    @PostMapping("/screenings")
    String record(@RequestParam MultiValueMap<String, String> posted, @AuthenticationPrincipal ConsoleUser user,
            Locale locale, HttpServletRequest request, Model model) {
        InterviewForm form = InterviewForm.of(posted);
        ObjectNode screening;
        try {
            JsonNode interview = form.toInterview(json, screenings.questionnaire("en"));
            screening = screenings.record(user.officer(), interview, CorrelationIds.of(request));
        } catch (ApiException e) {
            return form(form, locale, model, ConsoleModel.ShownProblem.of(e));
        }
        return "redirect:/console/screener/screenings/" + UUID.fromString(screening.get("id").asString());
    }

    @GetMapping("/screenings/{id}")
    String screening(@PathVariable UUID id, @AuthenticationPrincipal ConsoleUser user, Locale locale, Model model) {
        return screening(id, user, locale, model, null, null);
    }

    @PostMapping("/referrals")
    String refer(@RequestParam UUID screeningId, @RequestParam String toAgency, @RequestParam String type,
            @RequestParam(required = false) List<String> categories, @RequestParam(defaultValue = "CONSENT") String basis,
            @RequestParam(defaultValue = "") String givenBy, @RequestParam(defaultValue = "") String informedInLanguage,
            @RequestParam(defaultValue = "false") boolean interpreterPresent,
            @RequestParam(defaultValue = "") String evidenceRef, @RequestParam(defaultValue = "") String bestInterestReason,
            @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal ConsoleUser user, Locale locale,
            Model model, RedirectAttributes redirect) {
        ObjectNode referral = json.createObjectNode();
        referral.put("screeningId", screeningId.toString());
        referral.put("toAgency", toAgency);
        referral.put("type", type);
        var carried = referral.putArray("categories");
        (categories == null ? List.<String>of() : categories).forEach(carried::add);
        if (basis.equals("BEST_INTEREST")) {
            text(referral, "bestInterestReason", bestInterestReason);
        } else {
            ObjectNode consent = referral.putObject("consent");
            text(consent, "givenBy", givenBy);
            text(consent, "informedInLanguage", informedInLanguage);
            consent.put("interpreterPresent", interpreterPresent);
            text(consent, "evidenceRef", evidenceRef);
        }
        text(referral, "note", note);
        ObjectNode sent;
        try {
            sent = referrals.send(user.officer(), referral);
        } catch (ApiException e) {
            // The refused form is shown again as typed, beside its problem.
            model.addAttribute("typed", Map.of("givenBy", givenBy, "informedInLanguage", informedInLanguage,
                    "evidenceRef", evidenceRef, "bestInterestReason", bestInterestReason, "note", note));
            return screening(screeningId, user, locale, model, ConsoleModel.ShownProblem.of(e), type + "-" + toAgency);
        }
        redirect.addFlashAttribute("justSent", true);
        return "redirect:/console/referrals/sent/" + UUID.fromString(sent.get("id").asString());
    }

    /** The referral as its sender sees it: the sent referrals' page (the screener's and the registrar's). */
    @GetMapping("/referrals/{id}")
    String referral(@PathVariable UUID id) {
        return "redirect:/console/referrals/sent/" + id;
    }

    private String form(InterviewForm form, Locale locale, Model model, ConsoleModel.ShownProblem problem) {
        model.addAttribute("form", form);
        model.addAttribute("questionnaire", screenings.questionnaire(locale.getLanguage()));
        model.addAttribute("informed", INFORMED);
        model.addAttribute("sexes", SEXES);
        model.addAttribute("accompaniments", ACCOMPANIMENTS);
        model.addAttribute("specificNeeds", SPECIFIC_NEEDS);
        model.addAttribute("transitRows", java.util.stream.IntStream.range(0, InterviewForm.TRANSIT_ROWS).boxed().toList());
        model.addAttribute("problem", problem);
        return "console/screener/interview";
    }

    /** The screening with its suggestions; a refused referral comes back here with its problem beside its form. */
    private String screening(UUID id, ConsoleUser user, Locale locale, Model model,
            ConsoleModel.ShownProblem referralProblem, String refusedForm) {
        try {
            model.addAttribute("screening", screenings.read(user.officer(), id));
        } catch (ApiException e) {
            model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
        }
        model.addAttribute("screeningId", id);
        model.addAttribute("referralProblem", referralProblem);
        model.addAttribute("refusedForm", refusedForm);
        model.addAttribute("referralCategories", carriable());
        model.addAttribute("contactFields", CONTACT_FIELDS);
        model.addAttribute("answerLabels", answerLabels(screenings.questionnaire(locale.getLanguage())));
        return "console/screener/screening";
    }

    /**
     * For each referral type, what a referral from a screening may carry: the categories a
     * screening has that the type's rules allow ({@link ReferralType#categories()}).
     */
    static Map<String, List<String>> carriable() {
        Map<String, List<String>> offered = new java.util.HashMap<>();
        for (ReferralType type : ReferralType.values()) {
            offered.put(type.name(), REFERRAL_CATEGORIES.stream()
                    .filter(category -> type.categories().contains(ReferralCategory.valueOf(category))).toList());
        }
        return offered;
    }

    /**
     * The questionnaire's words for the answers that raised an indicator: a question id gives its
     * number and text, {@code id.CODE} the option's label, in the person's language.
     */
    static Map<String, String> answerLabels(JsonNode questionnaire) {
        Map<String, String> labels = new java.util.HashMap<>();
        for (JsonNode question : questionnaire.path("questions")) {
            String id = question.path("id").asString();
            labels.put(id, question.path("number").asString() + ". " + question.path("text").asString());
            for (JsonNode option : question.path("options")) {
                labels.put(id + "." + option.path("code").asString(), option.path("label").asString());
            }
        }
        return labels;
    }

    private static void text(ObjectNode into, String field, String value) {
        if (!value.isBlank()) {
            into.put(field, value.strip());
        }
    }
}
