package org.regionalexchange.region;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints officers' bearer tokens (RS256) with the development token-issuer key of a local region.
 * For evaluation and tests only: production tokens come from each state's identity provider.
 */
public final class DevTokens {

    private final String issuer;
    private final String audience;
    private final PrivateKey issuerKey;

    public DevTokens(String issuer, String audience, PrivateKey issuerKey) {
        this.issuer = issuer;
        this.audience = audience;
        this.issuerKey = issuerKey;
    }

    /** A token for {@code subject} of {@code agency} with {@code roles}, valid from now for {@code ttl}. */
    public String mint(String agency, List<String> roles, String subject, Instant now, Duration ttl) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("agency", agency)
                .claim("roles", roles)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID("dev-issuer").build(), claims);
        try {
            jwt.sign(new RSASSASigner(issuerKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
        return jwt.serialize();
    }
}
