package org.regionalexchange.idp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The local region's sample OpenID Connect provider: the console of every node signs its people in
 * here (authorization code + PKCE). Users are samples made from the region definition; keys are
 * made at start-up. Not for production: a state runs its own identity provider.
 */
@SpringBootApplication
@EnableConfigurationProperties(IdpProperties.class)
public class IdentityProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityProviderApplication.class, args);
    }
}
