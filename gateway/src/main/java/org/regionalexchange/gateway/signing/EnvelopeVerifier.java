package org.regionalexchange.gateway.signing;

import java.time.Duration;
import java.time.Instant;

import org.regionalexchange.gateway.signing.EnvelopeRejectedException.Reason;
import org.regionalexchange.gateway.signing.TrustedKeys.TrustedKey;

import tools.jackson.databind.JsonNode;

/**
 * Verifies envelopes addressed to this node (docs/design.md §6 step 1): the key must be in the
 * participant registry, the header's algorithm must be the key's, the signature must verify, the
 * issuer must be the node that owns the key, the audience must be this node, the type the expected
 * one, and {@code iat} within the clock window. Replayed {@code jti}s are the caller's to refuse,
 * against its shared store. Every failure is an {@link EnvelopeRejectedException}.
 */
public final class EnvelopeVerifier {

    /** 9999-12-31T23:59:59Z in seconds since 1970. */
    static final long LATEST_IAT = 253_402_300_799L;

    private final String nodeId;
    private final TrustedKeys keys;
    private final Duration clockWindow;

    public EnvelopeVerifier(String nodeId, TrustedKeys keys, Duration clockWindow) {
        this.nodeId = nodeId;
        this.keys = keys;
        this.clockWindow = clockWindow;
    }

    /** Authenticates the envelope and checks that it is fresh: {@link #authenticate} then {@link #checkFresh}. */
    public VerifiedEnvelope verify(String compact, String expectedType, Instant now) {
        VerifiedEnvelope envelope = authenticate(compact, expectedType);
        checkFresh(envelope, now);
        return envelope;
    }

    /**
     * Everything but the time: key, algorithm, signature, issuer, audience, type and a {@code jti}.
     * A holder calls this first so that it can answer a retry of an envelope it already answered
     * (same sender, same {@code jti}, same digest) even after the clock window has passed.
     */
    public VerifiedEnvelope authenticate(String compact, String expectedType) {
        return authenticate(compact, expectedType, true);
    }

    /**
     * Key, algorithm, signature, issuer, type and a {@code jti}, whatever the audience and the time:
     * for a signed statement that is kept and checked later, by anyone (a node's checkpoint of its
     * access log).
     */
    public VerifiedEnvelope authenticateStatement(String compact, String expectedType) {
        return authenticate(compact, expectedType, false);
    }

    private VerifiedEnvelope authenticate(String compact, String expectedType, boolean addressedHere) {
        CompactJws jws = CompactJws.parse(compact);
        TrustedKey key = signatureOf(jws);
        JsonNode payload = jws.payload();
        if (!key.node().id().equals(text(payload, "iss"))) {
            throw new EnvelopeRejectedException(Reason.WRONG_ISSUER, "iss is not the node of key '" + key.kid() + "'");
        }
        if (addressedHere && !nodeId.equals(text(payload, "aud"))) {
            throw new EnvelopeRejectedException(Reason.WRONG_AUDIENCE, "the envelope is not addressed to this node");
        }
        if (!expectedType.equals(jws.typ())) {
            throw new EnvelopeRejectedException(Reason.WRONG_TYPE, "expected typ '" + expectedType + "'");
        }
        Instant issuedAt = issuedAt(payload);
        String jti = text(payload, "jti");
        if (jti == null || jti.isBlank() || jti.length() > 100) {
            throw new EnvelopeRejectedException(Reason.MALFORMED, "jti missing or too long");
        }
        return new VerifiedEnvelope(key.kid(), key.node().id(), key.node().country(), key.node().organization(), jti,
                issuedAt, jws.payload(), compact, jws.digest());
    }

    /** Refuses an envelope whose {@code iat} lies outside the clock window around {@code now}. */
    public void checkFresh(VerifiedEnvelope envelope, Instant now) {
        if (envelope.issuedAt().isBefore(now.minus(clockWindow))) {
            throw new EnvelopeRejectedException(Reason.STALE, "iat is older than the clock window");
        }
        if (envelope.issuedAt().isAfter(now.plus(clockWindow))) {
            throw new EnvelopeRejectedException(Reason.FUTURE, "iat is in the future beyond the clock window");
        }
    }

    /**
     * Verifies only the signature against the registry, whatever the envelope's time and audience:
     * for evidence kept by a requester and checked later, offline.
     */
    public static CompactJws verifySignatureOnly(String compact, TrustedKeys keys) {
        CompactJws jws = CompactJws.parse(compact);
        new EnvelopeVerifier("", keys, Duration.ZERO).signatureOf(jws);
        return jws;
    }

    private TrustedKey signatureOf(CompactJws jws) {
        TrustedKey key = keys.find(jws.kid())
                .orElseThrow(() -> new EnvelopeRejectedException(Reason.UNKNOWN_KEY, "key id not in the registry"));
        if (!key.algorithm().headerValue().equals(jws.alg())) {
            throw new EnvelopeRejectedException(Reason.ALGORITHM_MISMATCH, "alg is not the algorithm of the key");
        }
        if (!key.algorithm().verify(key.key(), jws.signingInput(), jws.signature())) {
            throw new EnvelopeRejectedException(Reason.BAD_SIGNATURE, "the signature does not verify");
        }
        return key;
    }

    /**
     * {@code iat} as an instant: an integral number of seconds from 1970 up to the end of year 9999.
     * Anything else — a string, a fraction, a negative or a number no clock gives — is malformed,
     * however well signed: it is never compared with the clock, let alone turned into a date.
     */
    private static Instant issuedAt(JsonNode payload) {
        JsonNode iat = payload.get("iat");
        if (iat == null || !iat.isIntegralNumber() || !iat.canConvertToLong()) {
            throw new EnvelopeRejectedException(Reason.MALFORMED, "iat missing or not a number");
        }
        long seconds = iat.asLong();
        if (seconds < 0 || seconds > LATEST_IAT) {
            throw new EnvelopeRejectedException(Reason.MALFORMED, "iat is not a time between 1970 and 9999");
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
