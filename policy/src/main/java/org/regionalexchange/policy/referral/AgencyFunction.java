package org.regionalexchange.policy.referral;

import java.util.Arrays;

/**
 * What an agency of the directory does (docs/design.md §2; {@code schemas/v1/registry.json}). The referral
 * functions are those of the National Reference Guide (seed 000 §6.2, Annex 2): refugee status determination,
 * child protection, protection of victims of trafficking, and protection of victims of violence or vulnerable
 * persons ({@code CARE}).
 */
public enum AgencyFunction {
    RSD,
    BORDER,
    CHILD_PROTECTION,
    ANTI_TRAFFICKING,
    /** Annex 2: "protection victims of violence or vulnerable persons"; 000 §6.1 "treatment and care". */
    CARE,
    SECURITY,
    LIAISON;

    public static AgencyFunction parse(String name) {
        for (AgencyFunction function : values()) {
            if (function.name().equals(name)) {
                return function;
            }
        }
        throw new IllegalArgumentException("Unknown agency function '" + name + "'; expected one of "
                + Arrays.toString(values()));
    }
}
