package org.regionalexchange.gateway.referral;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.regionalexchange.gateway.directory.Agency;
import org.regionalexchange.gateway.printout.Html;
import org.regionalexchange.gateway.printout.PdfPrinter;
import org.regionalexchange.gateway.printout.PrintLanguage;

import tools.jackson.databind.JsonNode;

/**
 * The referral slip's page: what the person and the receiving office need. Who (the names as
 * written, in their own script, and the Latin transliteration when the referred record has one),
 * where to go (the receiving agency with its contact block, working hours and hotline), the
 * priority and type, what was shared and on what basis, the date and the referral's id. The
 * sender's note and the data itself stay in the gateway.
 */
final class ReferralSlip {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ReferralSlip() {
    }

    static String page(Referral referral, Agency from, Agency to, PrintLanguage l) {
        StringBuilder html = new StringBuilder(PdfPrinter.head(l.code(), l.label("slip.title")));
        html.append("<h1>").append(Html.escape(l.label("slip.title"))).append("</h1>\n");
        html.append("<p class=\"note\">").append(Html.escape(l.label("slip.notice"))).append("</p>\n<table>\n");
        html.append(Html.row(l.label("slip.referralId"), referral.id().toString()));
        html.append(Html.row(l.label("slip.date"), DATE.format(referral.createdAt())));
        html.append(Html.row(l.label("slip.priority"), l.labelOr("priority." + referral.priority(), referral.priority())));
        html.append(Html.row(l.label("slip.type"), l.labelOr("type." + referral.type(), referral.type())));
        html.append(Html.row(l.label("slip.from"), from == null ? referral.senderAgency() : from.name()));
        html.append("</table>\n");

        JsonNode identity = referral.carried().path("identity");
        html.append("<h2>").append(Html.escape(l.label("slip.person"))).append("</h2>\n<table>\n");
        // One row per name: a right-to-left name then stays whole, never reordered with its neighbour.
        String family = text(identity, "familyName");
        String given = text(identity, "givenNames");
        if (family.isEmpty() && given.isEmpty()) {
            html.append(Html.row(l.label("slip.name"), l.label("slip.nameUnknown")));
        }
        html.append(Html.row(l.label("slip.familyName"), family));
        html.append(Html.row(l.label("slip.givenNames"), given));
        html.append(Html.row(l.label("slip.latinFamilyName"), text(identity, "latinFamilyName")));
        html.append(Html.row(l.label("slip.latinGivenNames"), text(identity, "latinGivenNames")));
        html.append(Html.row(l.label("slip.dateOfBirth"), identity.path("dateOfBirth").asString("")));
        String sex = identity.path("sex").asString("");
        html.append(Html.row(l.label("slip.sex"), sex.isEmpty() ? "" : l.labelOr("sex." + sex, sex)));
        html.append(Html.row(l.label("slip.nationalities"), countries(identity.path("nationalities"), l)));
        html.append("</table>\n");

        html.append("<h2>").append(Html.escape(l.label("slip.whereToGo"))).append("</h2>\n<table>\n");
        Agency.Contact c = to.contact();
        html.append(Html.row(l.label("contact.name"), to.name()));
        html.append(Html.row(l.label("contact.department"), c.department()));
        html.append(Html.row(l.label("contact.address"), c.address()));
        html.append(Html.row(l.label("contact.phone"), c.phone()));
        html.append(Html.row(l.label("contact.workingHours"), c.workingHours()));
        html.append(Html.row(l.label("contact.hotline"), c.hotline()));
        html.append(Html.row(l.label("contact.contactPerson"), c.contactPerson()));
        html.append(Html.row(l.label("contact.email"), c.email()));
        html.append("</table>\n");

        html.append("<h2>").append(Html.escape(l.label("slip.shared"))).append("</h2>\n");
        referral.categories().forEach(category -> html.append("<p>\u2022 ")
                .append(Html.escape(l.labelOr("category." + category.name(), category.name()))).append("</p>\n"));

        html.append("<h2>").append(Html.escape(l.label("slip.basis"))).append("</h2>\n<table>\n");
        ReferralBasis basis = referral.basis();
        html.append(Html.row(l.label("slip.basis"), l.labelOr("basis." + basis.name(), basis.name())));
        JsonNode consent = basis.consent();
        if (consent != null) {
            String givenBy = consent.path("givenBy").asString("");
            html.append(Html.row(l.label("slip.consentGivenBy"), l.labelOr("givenBy." + givenBy, givenBy)));
            String language = consent.path("informedInLanguage").asString("");
            html.append(Html.row(l.label("slip.consentLanguage"), l.labelOr("language." + language, language)
                    + " (" + language + ")"));
            html.append(Html.row(l.label("slip.interpreter"),
                    l.label(consent.path("interpreterPresent").asBoolean(false) ? "slip.yes" : "slip.no")));
            html.append(Html.row(l.label("slip.evidence"), consent.path("evidenceRef").asString("")));
        }
        html.append(Html.row(l.label("slip.bestInterestReason"), basis.bestInterestReason()));
        html.append("</table>\n</body></html>\n");
        return html.toString();
    }

    /** A name as written, without surrounding blanks; empty when absent. */
    private static String text(JsonNode identity, String field) {
        return identity.path(field).asString("").strip();
    }

    private static String countries(JsonNode codes, PrintLanguage l) {
        List<String> names = new ArrayList<>();
        Locale in = Locale.forLanguageTag(l.code());
        codes.forEach(code -> names.add(new Locale("", code.asString()).getDisplayCountry(in) + " (" + code.asString() + ")"));
        return String.join(", ", names);
    }
}
