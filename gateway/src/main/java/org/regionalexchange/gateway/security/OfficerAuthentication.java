package org.regionalexchange.gateway.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated bearer token whose principal is the {@link Officer} it describes. */
class OfficerAuthentication extends JwtAuthenticationToken {

    private final Officer officer;

    OfficerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Officer officer) {
        super(jwt, authorities, officer.subject());
        this.officer = officer;
    }

    @Override
    public Object getPrincipal() {
        return officer;
    }
}
