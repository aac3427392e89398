package org.regionalexchange.gateway.security;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers an officer who exceeds the rate limit with {@code 429 rate_limited} and
 * {@code Retry-After}. Runs after authentication, so the bucket is the token's subject and agency;
 * calls without a valid token are not counted here (they are refused anyway). Not a bean: it is
 * placed in the security filter chain only.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final int MAX_BUCKETS = 100_000;

    private final RateLimitProperties properties;
    private final ProblemResponses problems;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimitProperties properties, ProblemResponses problems, Clock clock) {
        this.properties = properties;
        this.problems = problems;
        this.clock = clock;
    }

    /**
     * Decided on the route as the authorization table and the controllers see it (decoded and
     * normalized by the container), never on the raw target: {@code /%61pi/v1/records} is
     * {@code /api/v1/records} and is counted like it.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !route(request).startsWith("/api/v1/");
    }

    static String route(HttpServletRequest request) {
        return request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Officer officer) {
            long now = clock.millis();
            if (buckets.size() > MAX_BUCKETS) {
                buckets.values().removeIf(b -> b.idleSince(now) > 120_000);
            }
            int limit = properties.limitFor(officer.roles());
            Bucket bucket = buckets.computeIfAbsent(officer.agency() + "\n" + officer.subject(), k -> new Bucket(limit, now));
            long waitMillis = bucket.take(limit, now);
            if (waitMillis > 0) {
                long seconds = Math.max(1, (waitMillis + 999) / 1000);
                log.warn("rate limited agency={} subject={} limitPerMinute={}", officer.agency(), officer.subject(), limit);
                response.setHeader("Retry-After", Long.toString(seconds));
                problems.write(request, response, ErrorCode.RATE_LIMITED, "More than " + limit
                        + " calls per minute; retry after " + seconds + " s.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** A token bucket of {@code limit} tokens refilled at {@code limit} per minute. */
    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int limit, long now) {
            this.tokens = limit;
            this.updated = now;
        }

        /** Takes one token; returns 0, or the milliseconds until one is available. */
        synchronized long take(int limit, long now) {
            double perMilli = limit / 60_000.0;
            tokens = Math.min(limit, tokens + Math.max(0, now - updated) * perMilli);
            updated = Math.max(updated, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }
    }
}
