package org.regionalexchange.gateway.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.validation.ControlCharacters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.stereotype.Component;

/**
 * Reads an {@link Officer} from a token's subject and claims, the same way for the API's bearer
 * tokens and for the console's ID tokens: the {@code agency} claim must name an agency that this
 * node serves (docs/design.md §7), and the {@code roles} claim must hold at least one role the
 * gateway knows. The subject, which becomes the actor of the access log, must fit its column and,
 * like the agency, hold no control character (it is written to logs). Anything else is an invalid
 * credential for this node.
 */
@Component
public class OfficerClaims {

    /** The width of the {@code actor} columns of {@code access_log} and {@code audit_revision}. */
    static final int MAX_SUBJECT_LENGTH = 200;

    private final ParticipantRegistry registry;
    private final String nodeId;
    private final JwtProperties properties;

    @Autowired
    public OfficerClaims(ParticipantRegistry registry, NodeProperties node, JwtProperties properties) {
        this(registry, node.id(), properties);
    }

    OfficerClaims(ParticipantRegistry registry, String nodeId, JwtProperties properties) {
        this.registry = registry;
        this.nodeId = nodeId;
        this.properties = properties;
    }

    /**
     * The officer the claims describe.
     *
     * @throws OAuth2AuthenticationException when they describe no officer of this node
     */
    public Officer officer(String subject, Map<String, Object> claims) {
        if (subject == null || subject.isBlank()) {
            throw invalid("The token has no subject.");
        }
        // The subject is the actor of every access-log row and Envers revision the officer causes.
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            throw invalid("The token's subject is longer than " + MAX_SUBJECT_LENGTH + " characters.");
        }
        if (ControlCharacters.inName(subject).isPresent()) {
            throw invalid("The token's subject contains a control character.");
        }
        // The access log names nodes and their officers "node:<id>..."; no local officer may look like one.
        if (subject.startsWith("node:")) {
            throw invalid("The token's subject may not start with 'node:'.");
        }
        Object agencyClaim = claims.get(properties.agencyClaim());
        if (!(agencyClaim instanceof String agency) || agency.isBlank()) {
            throw invalid("The token has no '" + properties.agencyClaim() + "' claim.");
        }
        if (ControlCharacters.inName(agency).isPresent()) {
            throw invalid("The token's '" + properties.agencyClaim() + "' claim contains a control character.");
        }
        if (!registry.isAgencyOfNode(agency, nodeId)) {
            throw new AgencyNotOfNodeException();
        }
        Set<Role> roles = roles(claims.get(properties.rolesClaim()));
        if (roles.isEmpty()) {
            throw invalid("The token's '" + properties.rolesClaim() + "' claim names no role of this gateway.");
        }
        return new Officer(subject, agency, roles);
    }

    private static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claim instanceof String single) {
            Role.fromClaim(single).ifPresent(roles::add);
        } else if (claim instanceof Iterable<?> values) {
            for (Object value : values) {
                if (value instanceof String name) {
                    Role.fromClaim(name).ifPresent(roles::add);
                }
            }
        }
        return roles;
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
