package org.regionalexchange.gateway.console;

import java.util.List;

import org.regionalexchange.gateway.security.Officer;
import org.regionalexchange.gateway.security.OfficerClaims;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Makes the signed-in person an {@link Officer} from the ID token's {@code agency} and {@code roles}
 * claims by the same {@link OfficerClaims} as the API's bearer tokens: an agency of another node,
 * or no known role, is no sign-in here.
 */
@Component
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class ConsoleUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final OfficerClaims claims;

    ConsoleUserService(OfficerClaims claims) {
        this.claims = claims;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        Officer officer = claims.officer(user.getIdToken().getSubject(), user.getIdToken().getClaims());
        List<SimpleGrantedAuthority> authorities = officer.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return new ConsoleUser(authorities, user.getIdToken(), user.getUserInfo(), officer);
    }
}
