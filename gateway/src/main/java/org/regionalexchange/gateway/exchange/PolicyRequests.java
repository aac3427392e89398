package org.regionalexchange.gateway.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.CountryCode;
import org.regionalexchange.policy.model.InformationRequest;
import org.regionalexchange.policy.model.LegalBasis;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.Purpose;
import org.regionalexchange.policy.model.Requester;
import org.regionalexchange.policy.model.Sha256;
import org.regionalexchange.policy.model.SubjectSelector;
import org.regionalexchange.policy.model.Urgency;

import tools.jackson.databind.JsonNode;

/**
 * Turns an officer's request (schema {@code request.json}, already validated) into the policy's
 * values. Used on both sides: the requester checks it before sending, the holder again on arrival.
 */
final class PolicyRequests {

    private PolicyRequests() {
    }

    static InformationRequest toInformationRequest(JsonNode request, Requester requester) {
        List<Category> categories = new ArrayList<>();
        request.get("categories").forEach(c -> categories.add(Category.valueOf(c.asString())));
        Urgency urgency = request.has("urgency") ? Urgency.valueOf(request.get("urgency").asString()) : Urgency.ROUTINE;
        return InformationRequest.of(requester, Purpose.valueOf(request.get("purpose").asString()),
                LegalBasis.valueOf(request.get("legalBasis").asString()), request.get("requesterCaseRef").asString(),
                request.get("justification").asString(), categories, urgency, selector(request.get("subject")));
    }

    /** The policy party of a registered agency (its organization for an organization's office). */
    static Party party(ParticipantRegistry registry, String agencyId) {
        return registry.partyOf(agencyId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown agency '" + agencyId + "'")).party();
    }

    static SubjectSelector selector(JsonNode subject) {
        if (subject.has("holderRecordRef")) {
            return new SubjectSelector.RecordReference(subject.get("holderRecordRef").asString());
        }
        JsonNode identity = subject.get("identity");
        return new SubjectSelector.IdentityQuery(identity.get("familyName").asString(),
                identity.get("givenNames").asString(), identity.get("dateOfBirth").asString(),
                Optional.ofNullable(identity.get("nationality")).map(n -> CountryCode.of(n.asString())),
                Optional.ofNullable(identity.get("documentNumber")).map(JsonNode::asString));
    }

    /**
     * An opaque key for "the same subject" in the justification-reuse rule: a SHA-256 of the holder
     * agency and the normalized selector, so no name is stored for the purpose.
     */
    static String subjectKey(String holderAgency, JsonNode subject) {
        String canonical;
        if (subject.has("holderRecordRef")) {
            canonical = "ref|" + subject.get("holderRecordRef").asString();
        } else {
            JsonNode identity = subject.get("identity");
            canonical = "id|" + norm(identity.get("familyName")) + "|" + norm(identity.get("givenNames")) + "|"
                    + norm(identity.get("dateOfBirth")) + "|" + norm(identity.get("nationality")) + "|"
                    + norm(identity.get("documentNumber"));
        }
        return sha256(holderAgency + "|" + canonical);
    }

    private static String norm(JsonNode value) {
        return value == null ? "" : value.asString().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String sha256(String text) {
        return Sha256.hex(text);
    }
}
