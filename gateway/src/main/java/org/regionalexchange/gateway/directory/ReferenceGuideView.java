package org.regionalexchange.gateway.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.regionalexchange.gateway.printout.Html;
import org.regionalexchange.gateway.printout.PdfPrinter;
import org.regionalexchange.gateway.printout.PrintLanguage;

/**
 * The National Reference Guide in one language, as JSON and as the page printed at a post. Labels
 * come from the printout bundle; names and contact blocks are the registry's as written.
 */
final class ReferenceGuideView {

    /** The contact block's fields in Annex 2's order, with their label keys. */
    private static final List<String> CONTACT_FIELDS = List.of("servicesDescription", "department", "contactPerson",
            "phone", "email", "address", "workingHours", "hotline");

    private ReferenceGuideView() {
    }

    record Guide(String country, String node, String language, List<String> languages, String title, String note,
            Map<String, String> labels, List<SectionView> sections) {
    }

    record SectionView(String function, String title, List<AgencyView> agencies, String noAgency) {
    }

    record AgencyView(String agencyId, String name, String function, Agency.Contact contact) {
    }

    static Guide of(NationalReferenceGuide guide, PrintLanguage language) {
        List<SectionView> sections = new ArrayList<>();
        for (NationalReferenceGuide.Entry entry : guide.entries()) {
            String function = entry.section().name();
            List<AgencyView> agencies = entry.agencies().stream()
                    .map(a -> new AgencyView(a.id(), a.name(), function, a.contact())).toList();
            sections.add(new SectionView(function, language.label("guide.section." + function), agencies,
                    agencies.isEmpty() ? language.label("guide.noAgency") : null));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("name", language.label("contact.name"));
        CONTACT_FIELDS.forEach(field -> labels.put(field, language.label("contact." + field)));
        return new Guide(guide.country(), guide.nodeId(), language.code(), PrintLanguage.SUPPORTED,
                title(guide, language), language.label("guide.note"), labels, sections);
    }

    private static String title(NationalReferenceGuide guide, PrintLanguage language) {
        String country = guide.country() == null ? guide.nodeId()
                : new Locale("", guide.country()).getDisplayCountry(Locale.forLanguageTag(language.code()));
        return language.label("guide.title") + " — " + country;
    }

    static String page(Guide guide) {
        StringBuilder html = new StringBuilder(PdfPrinter.head(guide.language(), guide.title()));
        html.append("<h1>").append(Html.escape(guide.title())).append("</h1>\n");
        html.append("<p class=\"note\">").append(Html.escape(guide.note())).append("</p>\n");
        int number = 1;
        for (SectionView section : guide.sections()) {
            html.append("<h2>").append(number++).append(". ").append(Html.escape(section.title())).append("</h2>\n");
            if (section.agencies().isEmpty()) {
                html.append("<p>").append(Html.escape(section.noAgency())).append("</p>\n");
            }
            for (AgencyView agency : section.agencies()) {
                html.append("<table>\n");
                html.append(Html.row(guide.labels().get("name"), agency.name()));
                Agency.Contact c = agency.contact();
                List<String> values = List.of(nz(c.servicesDescription()), nz(c.department()), nz(c.contactPerson()),
                        nz(c.phone()), nz(c.email()), nz(c.address()), nz(c.workingHours()), nz(c.hotline()));
                for (int i = 0; i < CONTACT_FIELDS.size(); i++) {
                    html.append(Html.row(guide.labels().get(CONTACT_FIELDS.get(i)), values.get(i)));
                }
                html.append("</table>\n");
            }
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
