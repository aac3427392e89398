package org.regionalexchange.gateway.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.regionalexchange.policy.model.Sha256;

/**
 * A JWS in compact serialization (RFC 7515 §7.1), parsed strictly: three base64url parts without
 * padding, a JSON-object header with string {@code alg}, {@code kid} and {@code typ} and no other
 * header parameter (no {@code crit}, {@code jwk}, {@code jku} or {@code x5u}: keys come only from
 * the participant registry), and a JSON-object payload without duplicate keys.
 */
public record CompactJws(String compact, ObjectNode header, ObjectNode payload, byte[] signingInput,
        byte[] signature) {

    /** Largest envelope accepted, in characters. */
    public static final int MAX_LENGTH = 1 << 20;

    private static final Set<String> HEADER_PARAMETERS = Set.of("alg", "kid", "typ");
    static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Parses {@code compact}; any deviation is an {@link EnvelopeRejectedException} (MALFORMED). */
    public static CompactJws parse(String compact) {
        if (compact == null || compact.length() > MAX_LENGTH) {
            throw malformed("missing or longer than " + MAX_LENGTH + " characters");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw malformed("expected three dot-separated parts");
        }
        for (String part : parts) {
            if (part.isEmpty() || !isBase64Url(part)) {
                throw malformed("a part is not unpadded base64url");
            }
        }
        ObjectNode header = object(decode(parts[0]), "header");
        for (String name : header.propertyNames()) {
            if (!HEADER_PARAMETERS.contains(name)) {
                throw malformed("header parameter '" + name + "' is not accepted");
            }
        }
        for (String name : HEADER_PARAMETERS) {
            if (!header.path(name).isString() || header.path(name).asString().isEmpty()) {
                throw malformed("header parameter '" + name + "' must be a non-empty string");
            }
        }
        ObjectNode payload = object(decode(parts[1]), "payload");
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        return new CompactJws(compact, header, payload, signingInput, decode(parts[2]));
    }

    /** Only the characters of unpadded base64url (RFC 4648 §5); a loop, as every envelope's parts pass here. */
    static boolean isBase64Url(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Builds the compact form of {@code header} and {@code payload} signed by {@code key}. */
    static String sign(SigningKey key, String typ, ObjectNode payload) {
        ObjectNode header = JSON.createObjectNode();
        header.put("alg", key.algorithm().headerValue());
        header.put("kid", key.kid());
        header.put("typ", typ);
        String signingInput = encode(JSON.writeValueAsBytes(header)) + "." + encode(JSON.writeValueAsBytes(payload));
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + encode(signature);
    }

    public String kid() {
        return header.get("kid").asString();
    }

    public String alg() {
        return header.get("alg").asString();
    }

    public String typ() {
        return header.get("typ").asString();
    }

    /** Base64url SHA-256 of the compact serialization: what a response's {@code requestDigest} carries. */
    public String digest() {
        return digest(compact);
    }

    public static String digest(String compact) {
        return encode(Sha256.digest(compact.getBytes(StandardCharsets.US_ASCII)));
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Decodes a part and requires its canonical encoding: a last character whose unused low bits
     * are not zero decodes to the same bytes, so without this check two different envelopes would
     * carry one signature (and the digest binding a response to its request would be ambiguous).
     */
    private static byte[] decode(String part) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw malformed("a part is not base64url");
        }
        if (!encode(bytes).equals(part)) {
            throw malformed("a part is not in canonical base64url");
        }
        return bytes;
    }

    private static ObjectNode object(byte[] json, String what) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JacksonException e) {
            throw malformed("the " + what + " is not well-formed JSON");
        }
        throw malformed("the " + what + " is not a JSON object");
    }

    private static EnvelopeRejectedException malformed(String why) {
        return new EnvelopeRejectedException(EnvelopeRejectedException.Reason.MALFORMED, why);
    }
}
