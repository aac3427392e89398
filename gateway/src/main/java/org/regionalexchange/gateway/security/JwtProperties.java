package org.regionalexchange.gateway.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.regionalexchange.gateway.keys.PemKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How officers' bearer tokens are validated (OAuth2 resource server). Exactly one key source: the
 * state's OpenID Connect issuer, found by discovery ({@code issuer-uri}); a JWK set URL; or an RSA
 * public key file.
 *
 * @param issuerUri         the identity provider's issuer identifier: its discovery document
 *                          ({@code <issuer-uri>/.well-known/openid-configuration}) names the JWK set,
 *                          and tokens must carry exactly this {@code iss}
 * @param issuer            the exact {@code iss} every token must carry (with {@code issuer-uri}:
 *                          unset, or equal to it)
 * @param audience          a value the token's {@code aud} must contain (with {@code issuer-uri}:
 *                          optional, not checked when unset)
 * @param jwkSetUri         URL of the issuer's JWK set
 * @param publicKeyLocation RSA public key (X.509 PEM) that signs the tokens (RS256)
 * @param clockSkew         tolerance for {@code exp} and {@code nbf}
 * @param agencyClaim       claim that names the officer's agency
 * @param rolesClaim        claim that lists the officer's roles
 * @param issuerTimeout     time to connect to the issuer and to wait for its discovery document
 *                          and JWK set
 * @param cacheSize         how many verified tokens are remembered so that the same token's next
 *                          call skips parsing and the signature (the time, issuer and audience
 *                          checks still run on every call); 0 turns the cache off
 * @param cacheTtl          how long a verified token is remembered at most (never past its
 *                          {@code exp}): a key removed from the issuer's JWK set stops accepting a
 *                          remembered token at the latest after this
 */
@ConfigurationProperties(JwtProperties.PREFIX)
public record JwtProperties(String issuerUri, String issuer, String audience, String jwkSetUri, Path publicKeyLocation,
        @DefaultValue("60s") Duration clockSkew, @DefaultValue("agency") String agencyClaim,
        @DefaultValue("roles") String rolesClaim, @DefaultValue("5s") Duration issuerTimeout,
        @DefaultValue("10000") int cacheSize, @DefaultValue("5m") Duration cacheTtl)
        implements CheckedProperties {

    public static final String PREFIX = "gateway.security.jwt";

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (issuerUri != null) {
            checkIssuerUri(prefix, problems);
        } else {
            if (issuer == null || issuer.isBlank()) {
                problems.reject(prefix + ".issuer", issuer, "required: the exact 'iss' of accepted tokens"
                        + " (or set " + prefix + ".issuer-uri)");
            }
            if (audience == null || audience.isBlank()) {
                problems.reject(prefix + ".audience", audience, "required: the audience accepted tokens must name");
            }
        }
        int sources = (issuerUri == null ? 0 : 1) + (jwkSetUri == null ? 0 : 1) + (publicKeyLocation == null ? 0 : 1);
        if (sources != 1) {
            problems.reject(prefix + ".jwk-set-uri", jwkSetUri, "set exactly one of " + prefix + ".issuer-uri, "
                    + prefix + ".jwk-set-uri and " + prefix + ".public-key-location (issuer-uri = '" + issuerUri
                    + "', public-key-location = '" + publicKeyLocation + "')");
        }
        if (issuerTimeout.isNegative() || issuerTimeout.isZero() || issuerTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            problems.reject(prefix + ".issuer-timeout", issuerTimeout, "must be more than 0 and at most 1 minute");
        }
        if (jwkSetUri != null) {
            checkUri(prefix, problems);
        }
        if (publicKeyLocation != null) {
            checkPublicKey(prefix, problems);
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            problems.reject(prefix + ".clock-skew", clockSkew, "must be between 0 and 5 minutes");
        }
        if (cacheSize < 0) {
            problems.reject(prefix + ".cache-size", cacheSize, "must be 0 (no cache) or more");
        }
        if (cacheTtl.isNegative() || cacheTtl.isZero() || cacheTtl.compareTo(Duration.ofHours(1)) > 0) {
            problems.reject(prefix + ".cache-ttl", cacheTtl, "must be more than 0 and at most 1 hour (to turn the"
                    + " cache off, set " + prefix + ".cache-size to 0)");
        }
    }

    private void checkIssuerUri(String prefix, ConfigurationProblems problems) {
        if (issuer != null && !issuer.equals(issuerUri)) {
            problems.reject(prefix + ".issuer", issuer, "with " + prefix + ".issuer-uri, leave it unset or equal to it ('"
                    + issuerUri + "'): tokens carry the issuer's own identifier");
        }
        if (audience != null && audience.isBlank()) {
            problems.reject(prefix + ".audience", audience, "blank: leave it unset, or name the audience tokens must carry");
        }
        try {
            URI uri = new URI(issuerUri);
            if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                problems.reject(prefix + ".issuer-uri", issuerUri, "expected an https URL with no query or fragment");
            } else if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && IssuerDiscovery.isLoopback(uri))) {
                problems.reject(prefix + ".issuer-uri", issuerUri, "expected an https URL (plain http only on the loopback"
                        + " interface)");
            }
        } catch (URISyntaxException e) {
            problems.reject(prefix + ".issuer-uri", issuerUri, "not a URL");
        }
    }

    /** The {@code iss} every accepted token carries. */
    String expectedIssuer() {
        return issuerUri != null ? issuerUri : issuer;
    }

    private void checkUri(String prefix, ConfigurationProblems problems) {
        try {
            URI uri = new URI(jwkSetUri);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                problems.reject(prefix + ".jwk-set-uri", jwkSetUri, "expected an http or https URL");
            }
        } catch (URISyntaxException e) {
            problems.reject(prefix + ".jwk-set-uri", jwkSetUri, "not a URL");
        }
    }

    private void checkPublicKey(String prefix, ConfigurationProblems problems) {
        if (!Files.isReadable(publicKeyLocation)) {
            problems.reject(prefix + ".public-key-location", publicKeyLocation, "no readable file there");
            return;
        }
        try {
            if (!(rsaPublicKey() instanceof RSAPublicKey)) {
                problems.reject(prefix + ".public-key-location", publicKeyLocation, "expected an RSA public key");
            }
        } catch (RuntimeException | java.io.IOException e) {
            problems.reject(prefix + ".public-key-location", publicKeyLocation, "not a PEM public key");
        }
    }

    /** The public key at {@link #publicKeyLocation()}. */
    java.security.PublicKey rsaPublicKey() throws java.io.IOException {
        return PemKeys.parsePublicKey(Files.readString(publicKeyLocation));
    }
}
