package org.regionalexchange.gateway.console;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.security.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page shows around its content: the signed-in person (agency and roles, for
 * the navigation), the CSP nonce for its script tags, the current path (for the language switch).
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
public class ConsoleModel {

    /**
     * The roles that have screens, in the order the navigation and the home page show them
     * (templates/console/screens.html lists each one's screens).
     */
    static final java.util.List<String> SCREEN_ROLES = java.util.List.of("officer", "reviewer", "screener", "liaison",
            "admin", "registrar", "dpo");

    @ModelAttribute
    void around(@AuthenticationPrincipal Object principal, HttpServletRequest request, Locale locale, Model model) {
        model.addAttribute("nonce", request.getAttribute(ContentSecurityPolicyFilter.NONCE));
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("times", new Times(locale));
        if (principal instanceof ConsoleUser user) {
            model.addAttribute("me", user.officer());
            Set<String> roles = user.officer().roles().stream().map(Role::claimValue).collect(Collectors.toSet());
            model.addAttribute("roles", roles);
            model.addAttribute("screenRoles", SCREEN_ROLES.stream().filter(roles::contains).toList());
        } else {
            model.addAttribute("roles", Set.of());
            model.addAttribute("screenRoles", java.util.List.of());
        }
    }

    /**
     * Times and dates as the pages show them: instants in UTC, the time of every record of the
     * node, both written in the person's language.
     */
    public static final class Times {

        private final java.time.format.DateTimeFormatter dateTime;
        private final java.time.format.DateTimeFormatter date;

        Times(Locale locale) {
            this.dateTime = java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                    .withLocale(locale).withZone(java.time.ZoneOffset.UTC);
            this.date = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                    .withLocale(locale);
        }

        public String at(java.time.Instant instant) {
            return dateTime.format(instant);
        }

        public String at(String instant) {
            return at(java.time.Instant.parse(instant));
        }

        public String day(java.time.LocalDate day) {
            return date.format(day);
        }
    }

    /** The problem of a refused action as the page shows it: a message key per code, the fields, the reasons. */
    public record ShownProblem(String code, java.util.List<org.regionalexchange.gateway.error.FieldError> fields,
            java.util.List<String> reasons) implements java.io.Serializable {

        static ShownProblem of(ApiException e) {
            return new ShownProblem(e.errorCode().code(), e.fieldErrors(),
                    e.reasons().stream().map(r -> r.code()).toList());
        }
    }
}
