package org.regionalexchange.gateway.referral;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.regionalexchange.gateway.audit.RevisionContext;
import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.printout.PdfPrinter;
import org.regionalexchange.gateway.printout.PrintLanguage;
import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.validation.JsonSchemas;
import org.regionalexchange.gateway.validation.JsonText;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Referrals for callers other than the API's controllers (the console): the same schema checks and
 * services as {@code /api/v1/referrals} — {@link ReferralService} for sending, reading, listing and
 * the lifecycle's steps, {@link ReferralSlips} for the slip, {@link RecordFromReferral} for the
 * record opened from an accepted referral. No rule of its own.
 */
@Service
public class ReferralDesk {

    private final ReferralService referrals;
    private final JsonSchemas schemas;
    private final ReferralSlips slips;
    private final PdfPrinter printer;
    private final RecordFromReferral opening;

    ReferralDesk(ReferralService referrals, JsonSchemas schemas, ReferralSlips slips, PdfPrinter printer,
            RecordFromReferral opening) {
        this.referrals = referrals;
        this.schemas = schemas;
        this.slips = slips;
        this.printer = printer;
        this.opening = opening;
    }

    /** Sends the referral (a document of schema {@code referral}); the referral rules decide. */
    public ObjectNode send(Officer sender, JsonNode referral) {
        valid("referral", referral);
        return referrals.send(sender, referral);
    }

    /** The referral as its sender or receiver sees it (each read is logged). */
    public ObjectNode read(Officer officer, UUID id) {
        return referrals.read(officer, id);
    }

    /**
     * Page {@code page} (from 0) of the referrals the officer's agency received, from this node and
     * from others, as {@code GET /api/v1/referrals?direction=incoming} lists them (the same summary,
     * logged as a listing) but in the inbox's order: those waiting for acknowledgement first, the
     * urgent before the rest, then the others; newest first within each.
     */
    public ObjectNode inbox(Officer officer, int page, int size) {
        // The API's bounds of a page number (ReferralController): no offset beyond them.
        int bounded = Math.min(Math.max(0, page), 100_000);
        return referrals.list(officer, "incoming", null, bounded, size, ReferralService.ListOrder.INBOX);
    }

    /**
     * Page {@code page} (from 0) of the referrals the officer's agency sent, newest first, each
     * with its delivery, as {@code GET /api/v1/referrals?direction=outgoing&status=} lists them;
     * {@code status} null or empty is every status, one that is no status is refused as the API
     * refuses it.
     */
    public ObjectNode sent(Officer officer, String status, int page, int size) {
        ReferralStatus wanted = ReferralStatus.ofParameter(status == null || status.isEmpty() ? null : status);
        int bounded = Math.min(Math.max(0, page), 100_000);
        return referrals.list(officer, "outgoing", wanted, bounded, size);
    }

    /** The statuses a referral can have, in the order of its lifecycle (a listing's filter). */
    public static List<String> statuses() {
        return Arrays.stream(ReferralStatus.values()).map(Enum::name).toList();
    }

    /** Whether the sender may still revoke a referral of this status (an open one). */
    public static boolean revocable(String status) {
        return Arrays.stream(ReferralStatus.values()).anyMatch(s -> s.name().equals(status)
                && s.mayBecome(ReferralStatus.REVOKED));
    }

    /** {@code POST /api/v1/referrals/{id}/revocation}: REVOKED by the sender, with the reason the API requires. */
    public ObjectNode revoke(Officer sender, UUID id, String reason) {
        return step(sender, id, ReferralStatus.REVOKED, reasonBody(reason));
    }

    /** {@code POST /api/v1/referrals/{id}/acknowledgement}: RECEIVED. */
    public ObjectNode acknowledge(Officer registrar, UUID id) {
        return step(registrar, id, ReferralStatus.RECEIVED, JsonText.mapper().createObjectNode());
    }

    /** {@code POST /api/v1/referrals/{id}/acceptance}: ACCEPTED. */
    public ObjectNode accept(Officer registrar, UUID id) {
        return step(registrar, id, ReferralStatus.ACCEPTED, JsonText.mapper().createObjectNode());
    }

    /** {@code POST /api/v1/referrals/{id}/decline}: DECLINED, with the reason the API requires. */
    public ObjectNode decline(Officer registrar, UUID id, String reason) {
        return step(registrar, id, ReferralStatus.DECLINED, reasonBody(reason));
    }

    private static ObjectNode reasonBody(String reason) {
        ObjectNode body = JsonText.mapper().createObjectNode();
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        return body;
    }

    /**
     * {@code POST /api/v1/referrals/{id}/completion}: COMPLETED, and when not successful, why;
     * {@code successful} null is a completion that does not say (refused as the API refuses it).
     */
    public ObjectNode complete(Officer registrar, UUID id, Boolean successful, String reasonNotSuccessful) {
        ObjectNode body = JsonText.mapper().createObjectNode();
        if (successful != null) {
            body.put("successful", successful.booleanValue());
        }
        if (reasonNotSuccessful != null && !reasonNotSuccessful.isBlank()) {
            body.put("reasonNotSuccessful", reasonNotSuccessful.strip());
        }
        return step(registrar, id, ReferralStatus.COMPLETED, body);
    }

    /**
     * {@code POST /api/v1/referrals/{id}/record}: opens the agency's record from an accepted
     * referral (a document of schema {@code referral-record}), once; returns the record's id.
     */
    public UUID openRecord(Officer registrar, UUID id, JsonNode body) {
        valid("referral-record", body);
        return RevisionContext.with("record opened from referral " + id, null,
                () -> opening.open(registrar, id, body)).recordId();
    }

    /** The record the officer's agency opened from this referral, if it did. */
    public Optional<UUID> openedRecord(Officer officer, UUID id) {
        return opening.openedBy(officer, id);
    }

    /**
     * The printed referral slip as a PDF in {@code lang} ({@code en} or {@code ru}), as
     * {@code GET /api/v1/referrals/{id}/slip} gives it: sender or receiver only, each print logged.
     */
    public byte[] slip(Officer officer, UUID id, String lang) {
        return printer.print(slips.page(officer, id, PrintLanguage.of(lang)));
    }

    private ObjectNode step(Officer officer, UUID id, ReferralStatus next, JsonNode body) {
        valid("referral-step", body);
        return referrals.step(officer, id, next, body);
    }

    private void valid(String schema, JsonNode document) {
        var errors = schemas.validate(schema, document);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION,
                    errors.size() + " field(s) of the " + schema + " do not match schema '" + schema + "'.", errors);
        }
    }
}
