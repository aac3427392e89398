package org.regionalexchange.gateway.security;

import java.util.List;

import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a validated JWT into an {@link Officer} by {@link OfficerClaims} (an agency of this node, docs/design.md §7; at
 * least one known role, a subject fit for the access log). Anything else is an invalid credential
 * for this node (401).
 */
class OfficerTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    /** The width of the {@code actor} columns of {@code access_log} and {@code audit_revision}. */
    static final int MAX_SUBJECT_LENGTH = OfficerClaims.MAX_SUBJECT_LENGTH;

    private final OfficerClaims claims;

    OfficerTokenConverter(ParticipantRegistry registry, String nodeId, JwtProperties properties) {
        this.claims = new OfficerClaims(registry, nodeId, properties);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Officer officer = claims.officer(jwt.getSubject(), jwt.getClaims());
        List<SimpleGrantedAuthority> authorities = officer.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return new OfficerAuthentication(jwt, authorities, officer);
    }
}
