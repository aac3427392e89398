package org.regionalexchange.gateway.security;

import java.io.Serializable;
import java.util.Set;

/**
 * The authenticated caller of the officer-facing API: the token's subject, its agency (always an
 * agency of this node) and its roles. Controllers receive it with {@code @AuthenticationPrincipal}.
 * Serializable: the console keeps it in the signed-in person's session, which the node's database
 * stores for every replica.
 */
public record Officer(String subject, String agency, Set<Role> roles) implements Serializable {

    public Officer {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
