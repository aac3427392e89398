package org.regionalexchange.idp;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The provider's settings.
 *
 * @param issuer                   the issuer URL published by discovery ({@code http://127.0.0.1:9000}); empty:
 *                                 taken from each request's host
 * @param regionDefinition         the region definition ({@code deploy/local/region.yaml}) whose agencies get sample users
 * @param clientId                 the console's client id, the same on every node
 * @param redirectUris             where the provider may send a signed-in person back: each node's
 *                                 {@code /login/oauth2/code/console}. A loopback address ({@code 127.0.0.1})
 *                                 matches on any port (RFC 8252 §7.3)
 * @param postLogoutRedirectUris   where the provider may send a person after signing out
 * @param roles                    the roles every agency's sample users are made for
 */
@ConfigurationProperties("idp")
public record IdpProperties(String issuer, String regionDefinition, @DefaultValue("console") String clientId,
        @DefaultValue List<String> redirectUris, @DefaultValue List<String> postLogoutRedirectUris,
        @DefaultValue({"registrar", "officer", "reviewer", "liaison", "dpo", "admin", "screener"}) List<String> roles) {
}
