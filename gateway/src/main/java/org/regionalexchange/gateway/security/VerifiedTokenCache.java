package org.regionalexchange.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Officers' tokens whose signature and claims the node has already verified, remembered by their
 * exact text ({@code header.payload.signature}): an officer sends the same token on every call for
 * its lifetime, and parsing it, verifying its signature and converting its claims is most of what
 * a token costs (docs/performance.md, P1).
 *
 * <p>What is saved is only what cannot change for the same bytes. The checks that depend on the
 * time or on the configuration (the validator: {@code exp} and {@code nbf} by the node's clock,
 * issuer, audience) run on every call, remembered or not, and a remembered token they refuse is
 * refused exactly as the verifier would refuse it, and forgotten. A token that fails to verify is
 * never remembered; any other text, one byte apart, is verified in full. An entry lives at most
 * {@code ttl} and never past the token's {@code exp}; a key that leaves the issuer's JWK set
 * therefore stops accepting a remembered token at the latest after {@code ttl}.
 */
final class VerifiedTokenCache implements JwtDecoder {

    /** The name of the cache in the node's metrics ({@code cache.gets{cache="officer-tokens"}} and the others). */
    static final String METRICS_NAME = "officer-tokens";

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier  the full check: parses, verifies the signature, converts the claims and runs
     *                  {@code validator}
     * @param validator the very validator {@code verifier} runs, run again on every remembered token
     * @param clock     the node's clock, which the validator reads too: how long a token has left
     * @param ticker    measures how long an entry has been kept (monotonic; the system's in production)
     */
    VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maximumSize, Duration ttl,
            Clock clock, Ticker ticker) {
        if (maximumSize <= 0 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("maximumSize " + maximumSize + " and ttl " + ttl + " must be positive");
        }
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>writing((token, jwt) -> lifetime(jwt, ttl, clock)))
                .ticker(ticker)
                .recordStats()
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = token == null ? null : verified.getIfPresent(token);
        if (remembered == null) {
            // Throws for anything that does not verify: such a token is never remembered.
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(remembered);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException(message(result.getErrors()), result.getErrors());
        }
        return remembered;
    }

    /** Hits, misses, evictions and the size, under {@link #METRICS_NAME}; no token and no claim. */
    void registerMetrics(MeterRegistry meters) {
        CaffeineCacheMetrics.monitor(meters, verified, METRICS_NAME);
    }

    /** How many tokens are remembered now, after pending evictions have been made. */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** Until the token's {@code exp} by the node's clock, and no longer than {@code ttl}. */
    private static Duration lifetime(Jwt jwt, Duration ttl, Clock clock) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return ttl;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left.compareTo(ttl) < 0 ? left : ttl;
    }

    /** The message {@code NimbusJwtDecoder} gives the same refusal: the first error that describes itself. */
    private static String message(Collection<OAuth2Error> errors) {
        for (OAuth2Error error : errors) {
            String description = error.getDescription();
            if (description != null && !description.isEmpty()) {
                return "An error occurred while attempting to decode the Jwt: " + description;
            }
        }
        return "Unable to validate Jwt";
    }
}
