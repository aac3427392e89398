package org.regionalexchange.gateway.directory;

import java.util.List;

import org.regionalexchange.gateway.printout.PdfPrinter;
import org.regionalexchange.gateway.printout.PrintLanguage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/directory/reference-guide}: the National Reference Guide of this node's state
 * (Regional Guidelines §6.2 and Annex 2), any authenticated role. JSON by default; a PDF for
 * {@code Accept: application/pdf} or at {@code /reference-guide.pdf}. No personal data.
 */
@RestController
@RequestMapping("/api/v1/directory")
class ReferenceGuideController {

    private final NationalReferenceGuide guide;
    private final PdfPrinter printer;

    ReferenceGuideController(NationalReferenceGuide guide, PdfPrinter printer) {
        this.guide = guide;
        this.printer = printer;
    }

    @GetMapping("/reference-guide")
    ResponseEntity<?> guide(@RequestParam(required = false) String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReferenceGuideView.Guide view = ReferenceGuideView.of(guide, PrintLanguage.of(lang));
        if (wantsPdf(accept)) {
            return pdf(view);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
    }

    @GetMapping("/reference-guide.pdf")
    ResponseEntity<byte[]> guidePdf(@RequestParam(required = false) String lang) {
        return pdf(ReferenceGuideView.of(guide, PrintLanguage.of(lang)));
    }

    private ResponseEntity<byte[]> pdf(ReferenceGuideView.Guide view) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"reference-guide-" + view.node() + "-"
                        + view.language() + ".pdf\"")
                .body(printer.print(ReferenceGuideView.page(view)));
    }

    /** True when the client names application/pdf (a wildcard alone keeps the JSON default). */
    private static boolean wantsPdf(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return types.stream().anyMatch(t -> t.getQualityValue() > 0 && MediaType.APPLICATION_PDF.equalsTypeAndSubtype(t));
    }
}
