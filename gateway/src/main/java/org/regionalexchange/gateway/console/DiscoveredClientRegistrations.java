package org.regionalexchange.gateway.console;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The console's one client registration, made from the provider's discovery document the first
 * time someone signs in rather than at start-up: a node starts, and serves its API, while the
 * provider is away. A failed discovery is tried again at the next sign-in.
 */
final class DiscoveredClientRegistrations implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "console";

    private final ConsoleProperties properties;
    private volatile ClientRegistration registration;

    DiscoveredClientRegistrations(ConsoleProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration current = registration;
        if (current == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                current = registration;
            }
        }
        return current;
    }

    private ClientRegistration discover() {
        boolean confidential = properties.clientSecret() != null && !properties.clientSecret().isBlank();
        ClientRegistration.Builder builder = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(properties.clientId())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile");
        if (confidential) {
            builder.clientSecret(properties.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        } else {
            // A public client: Spring Security sends a PKCE challenge (S256) with every authorization request.
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        return builder.build();
    }
}
