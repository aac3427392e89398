package org.regionalexchange.gateway.console;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web console (docs/console.md). Without {@code issuer-uri} the console is off: no page, no
 * sign-in, nothing served under {@code /console}.
 *
 * @param issuerUri    the OpenID Connect provider people sign in at, found by discovery
 *                     ({@code <issuer-uri>/.well-known/openid-configuration})
 * @param clientId     this node's client id at the provider
 * @param clientSecret the client's secret when the provider registers the node as a confidential
 *                     client; empty for a public client (PKCE alone)
 * @param idleTimeout  a signed-in session unused this long ends
 * @param pageSize     rows per page of the console's lists
 */
@ConfigurationProperties(ConsoleProperties.PREFIX)
public record ConsoleProperties(String issuerUri, @DefaultValue("console") String clientId, String clientSecret,
        @DefaultValue("15m") Duration idleTimeout, @DefaultValue("20") int pageSize) implements CheckedProperties {

    public static final String PREFIX = "gateway.console";

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (issuerUri != null && !issuerUri.isBlank()) {
            try {
                URI uri = new URI(issuerUri);
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.reject(prefix + ".issuer-uri", issuerUri, "expected an http or https URL");
                }
            } catch (URISyntaxException e) {
                problems.reject(prefix + ".issuer-uri", issuerUri, "not a URL");
            }
        }
        if (clientId == null || clientId.isBlank()) {
            problems.reject(prefix + ".client-id", clientId, "required: the node's client id at the provider");
        }
        if (idleTimeout.compareTo(Duration.ofMinutes(1)) < 0 || idleTimeout.compareTo(Duration.ofHours(8)) > 0) {
            problems.reject(prefix + ".idle-timeout", idleTimeout, "must be between 1 minute and 8 hours");
        }
        if (pageSize < 5 || pageSize > 200) {
            problems.reject(prefix + ".page-size", pageSize, "must be between 5 and 200");
        }
    }

    /** The provider's origin ({@code scheme://host[:port]}): sign-out forms are sent on to it. */
    String issuerOrigin() {
        URI uri = URI.create(issuerUri);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
