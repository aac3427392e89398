package org.regionalexchange.gateway.security;

import java.util.Locale;
import java.util.Optional;

/** The roles of docs/design.md §8, as carried in the token's {@code roles} claim (lower case). */
public enum Role {
    REGISTRAR, OFFICER, REVIEWER, LIAISON, DPO, ADMIN,
    /** A border or immigration officer who records screening interviews and refers persons (docs/design.md §11). */
    SCREENER;

    /** The Spring Security authority of this role, e.g. {@code ROLE_OFFICER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named by a claim value ({@code officer}); empty for names the gateway does not know. */
    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
