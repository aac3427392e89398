package org.regionalexchange.gateway.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.text.ParseException;

import com.nimbusds.jose.jwk.JWKSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the keys of the state's identity provider by OpenID Connect discovery: reads
 * {@code <issuer-uri>/.well-known/openid-configuration}, requires its {@code issuer} to be the
 * configured identifier exactly (OpenID Connect Discovery §4.3), and builds a decoder on its
 * {@code jwks_uri}. The decoder fetches the JWK set again whenever a token names a key id it has
 * not seen, so a key the issuer rotates in is accepted without a restart.
 *
 * <p>Fail closed: if the issuer does not answer at start-up, answers a document for another issuer,
 * or publishes no usable key, the node does not start ({@link IssuerUnavailableException}).
 */
final class IssuerDiscovery {

    private static final Logger log = LoggerFactory.getLogger(IssuerDiscovery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private IssuerDiscovery() {
    }

    static NimbusJwtDecoder decoder(JwtProperties properties) {
        String issuer = properties.issuerUri();
        RestTemplate rest = restTemplate(properties);
        String configuration = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration";
        JsonNode metadata = readJson(rest, configuration, issuer, "discovery document");
        String announced = metadata.path("issuer").asString(null);
        if (!issuer.equals(announced)) {
            throw new IssuerUnavailableException(issuer, "its discovery document names the issuer '" + announced
                    + "', not the configured one");
        }
        String jwksUri = metadata.path("jwks_uri").asString(null);
        if (jwksUri == null || !acceptableUrl(jwksUri)) {
            throw new IssuerUnavailableException(issuer, "its discovery document names no https jwks_uri ('" + jwksUri + "')");
        }
        JWKSet keys = jwkSet(rest, jwksUri, issuer);
        if (keys.getKeys().stream().noneMatch(k -> k.getKeyUse() == null || "sig".equals(k.getKeyUse().identifier()))) {
            throw new IssuerUnavailableException(issuer, "its JWK set at " + jwksUri + " holds no signing key");
        }
        log.info("identity provider discovered issuer={} jwksUri={} keys={}", issuer, jwksUri, keys.getKeys().size());
        return NimbusJwtDecoder.withJwkSetUri(jwksUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .restOperations(rest)
                .build();
    }

    /** Plain http is accepted only for an issuer on this machine (tests, a sidecar); anything else is https. */
    static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Address literals only: a name is never resolved here (no DNS lookup decides what is local).
        if (!host.matches("[0-9.]+") && !host.startsWith("[")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean acceptableUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && isLoopback(uri));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static RestTemplate restTemplate(JwtProperties properties) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.issuerTimeout());
        requests.setReadTimeout(properties.issuerTimeout());
        return new RestTemplate(requests);
    }

    private static JsonNode readJson(RestTemplate rest, String url, String issuer, String what) {
        try {
            String body = rest.getForObject(url, String.class);
            if (body == null) {
                throw new IssuerUnavailableException(issuer, "its " + what + " at " + url + " is empty");
            }
            return JSON.readTree(body);
        } catch (RestClientException e) {
            throw new IssuerUnavailableException(issuer, "no " + what + " from " + url + " ("
                    + e.getClass().getSimpleName() + ")");
        } catch (JacksonException e) {
            throw new IssuerUnavailableException(issuer, "its " + what + " at " + url + " is not JSON");
        }
    }

    private static JWKSet jwkSet(RestTemplate rest, String jwksUri, String issuer) {
        try {
            return JWKSet.parse(rest.getForObject(jwksUri, String.class));
        } catch (RestClientException e) {
            throw new IssuerUnavailableException(issuer, "no JWK set from " + jwksUri + " (" + e.getClass().getSimpleName() + ")");
        } catch (ParseException | NullPointerException e) {
            throw new IssuerUnavailableException(issuer, "its JWK set at " + jwksUri + " is not a JWK set");
        }
    }

    /** The identity provider could not be used: the node does not start without it. */
    static final class IssuerUnavailableException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        IssuerUnavailableException(String issuer, String reason) {
            super("The identity provider " + issuer + " (gateway.security.jwt.issuer-uri) cannot be used: " + reason
                    + ". The node does not start without it.");
        }
    }
}
