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
 * How officers' bearer tokens are validated (OAuth2 resource server). Exactly one key source:
 * a JWK set URL (any OIDC issuer publishes one as {@code jwks_uri}) or an RSA public key file.
 *
 * @param issuer            the exact {@code iss} every token must carry
 * @param audience          a value the token's {@code aud} must contain
 * @param jwkSetUri         URL of the issuer's JWK set
 * @param publicKeyLocation RSA public key (X.509 PEM) that signs the tokens (RS256)
 * @param clockSkew         tolerance for {@code exp} and {@code nbf}
 * @param agencyClaim       claim that names the officer's agency
 * @param rolesClaim        claim that lists the officer's roles
 */
@ConfigurationProperties(JwtProperties.PREFIX)
public record JwtProperties(String issuer, String audience, String jwkSetUri, Path publicKeyLocation,
        @DefaultValue("60s") Duration clockSkew, @DefaultValue("agency") String agencyClaim,
        @DefaultValue("roles") String rolesClaim) implements CheckedProperties {

    public static final String PREFIX = "gateway.security.jwt";

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (issuer == null || issuer.isBlank()) {
            problems.reject(prefix + ".issuer", issuer, "required: the exact 'iss' of accepted tokens");
        }
        if (audience == null || audience.isBlank()) {
            problems.reject(prefix + ".audience", audience, "required: the audience accepted tokens must name");
        }
        if ((jwkSetUri == null) == (publicKeyLocation == null)) {
            problems.reject(prefix + ".jwk-set-uri", jwkSetUri, "set exactly one of " + prefix + ".jwk-set-uri and "
                    + prefix + ".public-key-location (public-key-location = '" + publicKeyLocation + "')");
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
