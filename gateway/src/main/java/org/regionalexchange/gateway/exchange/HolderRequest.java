package org.regionalexchange.gateway.exchange;

import java.util.UUID;

import org.regionalexchange.gateway.directory.Agency;
import org.regionalexchange.gateway.signing.VerifiedEnvelope;
import org.regionalexchange.policy.model.IncomingRequest;

/**
 * A request this holder received, read once from the verified envelope's payload: what the
 * decision, the release, the ledger, the access log and the signed answer all use, so that none
 * of them reads the payload's fields by name again or recomputes a fingerprint or the subject key.
 *
 * @param incoming     the policy's view of the request (requester from the signing key, history)
 * @param subjectKey   the opaque key of the subject for the reuse rule ({@link PolicyRequests#subjectKey})
 * @param fingerprints the justification's fingerprints, as written and normalized
 * @param purpose      the purpose as the request names it
 */
record HolderRequest(VerifiedEnvelope envelope, UUID requestId, String requesterAgency, String officer, Agency holder,
        IncomingRequest incoming, String subjectKey, JustificationUses.Fingerprints fingerprints, String purpose) {

    String justification() {
        return incoming.request().justification();
    }

    /**
     * The requesting officer as the holder's log names them: namespaced by the node that signed the
     * request, so a peer cannot make the log name one of this node's own officers.
     */
    String peerOfficer() {
        return "node:" + envelope.senderNode() + "/" + officer;
    }
}
