package org.regionalexchange.gateway.security;

import java.io.IOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;

import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.ProblemResponses;
import org.regionalexchange.gateway.node.NodeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The gateway's authentication and its authorization table: which role may call which path. The
 * agency half of every check ("an officer never sees another agency's requests") is made by the
 * feature that owns the data. Paths not listed are denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ParticipantRegistry registry, NodeProperties node,
            JwtProperties jwt, ProblemResponses problems, RateLimitProperties rateLimits, Clock clock,
            Environment environment) throws Exception {
        bearerTokens(http, registry, node, jwt, problems, rateLimits, clock)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        // Metrics carry codes only, yet no officer's token opens them: the scrape is
                        // answered on the management port alone, which the network keeps internal.
                        .requestMatchers(metricsOnManagementPort(environment)).permitAll()
                        // Node-to-node messages authenticate by their signatures, not by bearer tokens.
                        .requestMatchers("/.well-known/gateway-node", "/exchange/v1/**").permitAll()
                        .requestMatchers("/api/v1/records", "/api/v1/records/**").hasRole(Role.REGISTRAR.name())
                        .requestMatchers("/api/v1/requests", "/api/v1/requests/**").hasRole(Role.OFFICER.name())
                        .requestMatchers("/api/v1/reviews", "/api/v1/reviews/**").hasRole(Role.REVIEWER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/screenings/questionnaire").authenticated()
                        .requestMatchers("/api/v1/screenings", "/api/v1/screenings/**").hasRole(Role.SCREENER.name())
                        .requestMatchers("/api/v1/referrals", "/api/v1/referrals/**")
                        .hasAnyRole(Role.SCREENER.name(), Role.REGISTRAR.name())
                        .requestMatchers("/api/v1/liaison/**").hasRole(Role.LIAISON.name())
                        .requestMatchers("/api/v1/audit/**").hasRole(Role.DPO.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/directory/**").authenticated()
                        // Figures without personal data: any role of any agency of the node.
                        .requestMatchers(HttpMethod.GET, "/api/v1/statistics/**").authenticated()
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * {@code GET /actuator/prometheus} on the management port ({@code management.server.port}, set
     * apart from {@code server.port}); on the officers' port it stays denied like any unlisted path.
     */
    private static RequestMatcher metricsOnManagementPort(Environment environment) {
        return request -> {
            Integer management = environment.getProperty("local.management.port", Integer.class);
            Integer server = environment.getProperty("local.server.port", Integer.class);
            return management != null && !management.equals(server) && request.getLocalPort() == management
                    && HttpMethod.GET.matches(request.getMethod())
                    && "/actuator/prometheus".equals(request.getRequestURI());
        };
    }

    /**
     * Everything of the chain but the authorization table: stateless bearer-token authentication
     * ({@link OfficerTokenConverter}), problem+json refusals and the per-officer rate limit.
     */
    static HttpSecurity bearerTokens(HttpSecurity http, ParticipantRegistry registry, NodeProperties node,
            JwtProperties jwt, ProblemResponses problems, RateLimitProperties rateLimits, Clock clock)
            throws Exception {
        ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(problems);
        return http.csrf(csrf -> csrf.disable())
                // Every answer gets its security headers from the node's first filter (http package),
                // refusals made before this chain and the container's own errors included.
                .headers(headers -> headers.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> { })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(j -> j.jwtAuthenticationConverter(new OfficerTokenConverter(registry, node.id(), jwt)))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .addFilterAfter(new RateLimitFilter(rateLimits, problems, clock), BearerTokenAuthenticationFilter.class);
    }

    /**
     * The answer to a request that Spring Security's firewall refuses before the chain: an
     * ambiguous target ({@code %2E}, {@code %25}, a {@code ;} path parameter, {@code //}), a header
     * or parameter it will not read. Without it the refusal would be a bare 400 of the container.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, rejected) -> {
            log.info("request rejected code={} path={}", ErrorCode.MALFORMED_REQUEST.code(), request.getRequestURI());
            problems.write(request, response, ErrorCode.MALFORMED_REQUEST, "The request target is ambiguous (an encoded"
                    + " dot, percent or slash, a path parameter, an empty segment) or a header is not acceptable.");
        };
    }

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties, Clock clock, MeterRegistry meters) throws IOException {
        NimbusJwtDecoder decoder;
        if (properties.issuerUri() != null) {
            // Discovery at start-up: an issuer that cannot be reached stops the node (fail closed).
            decoder = IssuerDiscovery.decoder(properties);
        } else if (properties.jwkSetUri() != null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .jwsAlgorithm(SignatureAlgorithm.ES256)
                    .build();
        } else {
            decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) properties.rsaPublicKey())
                    .signatureAlgorithm(SignatureAlgorithm.RS256)
                    .build();
        }
        OAuth2TokenValidator<Jwt> validator = tokenValidator(properties, clock);
        decoder.setJwtValidator(validator);
        if (properties.cacheSize() == 0) {
            return decoder;
        }
        // The same validator runs again on every remembered token: only the signature and parsing are saved.
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, validator, properties.cacheSize(),
                properties.cacheTtl(), clock, Ticker.systemTicker());
        cache.registerMetrics(meters);
        return cache;
    }

    /**
     * The checks every accepted token passes after its signature: {@code exp} and {@code nbf} within
     * the clock skew by the node's clock, the issuer, an {@code exp} present, and the audience.
     */
    static OAuth2TokenValidator<Jwt> tokenValidator(JwtProperties properties, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(
                timestamps,
                new JwtIssuerValidator(properties.expectedIssuer()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null)));
        // Always checked but with an issuer found by discovery, where the configuration may leave it out.
        if (properties.audience() != null) {
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(properties.audience())));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
