package org.regionalexchange.gateway.console;

import java.util.Collection;

import org.regionalexchange.gateway.security.Officer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A person signed in to the console: the provider's user and the {@link Officer} the API would see.
 * Kept in the session, which the node's database stores (Java serialization): every field
 * serializes, the officer included, so that another replica reading the session sees the same person.
 */
final class ConsoleUser extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;

    private final Officer officer;

    ConsoleUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
            Officer officer) {
        super(authorities, idToken, userInfo);
        this.officer = officer;
    }

    Officer officer() {
        return officer;
    }
}
