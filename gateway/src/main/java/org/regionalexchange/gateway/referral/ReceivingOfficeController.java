package org.regionalexchange.gateway.referral;

import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.regionalexchange.gateway.audit.CorrelationIds;
import org.regionalexchange.gateway.audit.RevisionContext;
import org.regionalexchange.gateway.printout.PdfPrinter;
import org.regionalexchange.gateway.printout.PrintLanguage;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.SchemaBody;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a referral gives on paper and to the receiving office's files: the printed slip (sender or
 * receiver agency) and a record opened from an accepted referral (the receiver's registrar).
 */
@RestController
@RequestMapping("/api/v1/referrals")
class ReceivingOfficeController {

    private final ReferralSlips slips;
    private final RecordFromReferral opening;
    private final PdfPrinter printer;

    ReceivingOfficeController(ReferralSlips slips, RecordFromReferral opening, PdfPrinter printer) {
        this.slips = slips;
        this.opening = opening;
        this.printer = printer;
    }

    @GetMapping("/{id}/slip")
    ResponseEntity<byte[]> slip(@PathVariable UUID id, @RequestParam(required = false) String lang,
            @AuthenticationPrincipal Officer officer) {
        PrintLanguage language = PrintLanguage.of(lang);
        byte[] pdf = printer.print(slips.page(officer, id, language));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"referral-" + id + "-" + language.code()
                        + ".pdf\"")
                .body(pdf);
    }

    @PostMapping("/{id}/record")
    ResponseEntity<ObjectNode> openRecord(@PathVariable UUID id, @SchemaBody("referral-record") JsonNode body,
            @AuthenticationPrincipal Officer officer, HttpServletRequest request) {
        RecordFromReferral.Opened opened = RevisionContext.with("record opened from referral " + id,
                CorrelationIds.of(request), () -> opening.open(officer, id, body));
        return ResponseEntity.created(URI.create("/api/v1/records/" + opened.recordId())).body(opened.answer());
    }
}
