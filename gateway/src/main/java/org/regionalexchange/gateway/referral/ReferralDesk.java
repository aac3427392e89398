package org.regionalexchange.gateway.referral;

import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.printout.PdfPrinter;
import org.regionalexchange.gateway.printout.PrintLanguage;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Referrals for callers other than the API's controller (the console): the same schema check and
 * {@link ReferralService} as {@code POST /api/v1/referrals} and {@code GET /api/v1/referrals/{id}}.
 * No rule of its own.
 */
@Service
public class ReferralDesk {

    private final ReferralService referrals;
    private final JsonSchemas schemas;
    private final ReferralSlips slips;
    private final PdfPrinter printer;

    ReferralDesk(ReferralService referrals, JsonSchemas schemas, ReferralSlips slips, PdfPrinter printer) {
        this.referrals = referrals;
        this.schemas = schemas;
        this.slips = slips;
        this.printer = printer;
    }

    /** Sends the referral (a document of schema {@code referral}); the referral rules decide. */
    public ObjectNode send(Officer sender, JsonNode referral) {
        var errors = schemas.validate("referral", referral);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION,
                    errors.size() + " field(s) of the referral do not match schema 'referral'.", errors);
        }
        return referrals.send(sender, referral);
    }

    /** The referral as its sender or receiver sees it (each read is logged). */
    public ObjectNode read(Officer officer, UUID id) {
        return referrals.read(officer, id);
    }

    /**
     * The printed referral slip as a PDF in {@code lang} ({@code en} or {@code ru}), as
     * {@code GET /api/v1/referrals/{id}/slip} gives it: sender or receiver only, each print logged.
     */
    public byte[] slip(Officer officer, UUID id, String lang) {
        return printer.print(slips.page(officer, id, PrintLanguage.of(lang)));
    }
}
