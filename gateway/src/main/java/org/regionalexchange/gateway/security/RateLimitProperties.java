package org.regionalexchange.gateway.security;

import java.util.Map;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-officer rate limits on {@code /api/v1/**} (token subject and agency), as token buckets held
 * in memory by each node instance: replicas of one node each apply the limit on their own.
 *
 * @param requestsPerMinute the limit of an officer whose roles have no entry in {@code perRole};
 *                          also the bucket's burst capacity
 * @param perRole           limits by role claim ({@code dpo: 600}); an officer with several roles
 *                          gets the largest of theirs
 */
@ConfigurationProperties(RateLimitProperties.PREFIX)
public record RateLimitProperties(@DefaultValue("120") int requestsPerMinute, Map<String, Integer> perRole)
        implements CheckedProperties {

    public static final String PREFIX = "gateway.rate-limit";

    public RateLimitProperties {
        perRole = perRole == null ? Map.of() : Map.copyOf(perRole);
    }

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (requestsPerMinute < 1 || requestsPerMinute > 1_000_000) {
            problems.reject(prefix + ".requests-per-minute", requestsPerMinute, "must be between 1 and 1000000");
        }
        perRole.forEach((role, limit) -> {
            if (Role.fromClaim(role).isEmpty()) {
                problems.reject(prefix + ".per-role." + role, role, "unknown role; expected one of registrar, officer,"
                        + " reviewer, liaison, dpo, admin, screener");
            } else if (limit == null || limit < 1 || limit > 1_000_000) {
                problems.reject(prefix + ".per-role." + role, limit, "must be between 1 and 1000000");
            }
        });
    }

    /** The limit per minute of an officer with {@code roles}. */
    int limitFor(java.util.Set<Role> roles) {
        return roles.stream().map(r -> perRole.get(r.claimValue())).filter(java.util.Objects::nonNull)
                .max(Integer::compare).orElse(requestsPerMinute);
    }
}
