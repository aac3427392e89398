package org.regionalexchange.gateway.security;

import java.util.Set;

/**
 * The authenticated caller of the officer-facing API: the token's subject, its agency (always an
 * agency of this node) and its roles. Controllers receive it with {@code @AuthenticationPrincipal}.
 */
public record Officer(String subject, String agency, Set<Role> roles) {

    public Officer {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
