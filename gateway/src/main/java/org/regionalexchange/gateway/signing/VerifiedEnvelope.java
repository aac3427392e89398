package org.regionalexchange.gateway.signing;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * An envelope whose signature, issuer, audience, type and issue time have been verified. The
 * sender's country or organization comes from the registry entry of the signing key, never from
 * the payload (docs/design.md §2).
 *
 * @param senderNode    the node that owns the signing key (and equals {@code iss})
 * @param senderCountry that node's country, or null for an organization's node
 * @param senderOrganization that node's organization, or null for a state's node
 * @param digest        base64url SHA-256 of the compact serialization
 */
public record VerifiedEnvelope(String kid, String senderNode, String senderCountry, String senderOrganization,
        String jti, Instant issuedAt, ObjectNode payload, String compact, String digest) {
}
