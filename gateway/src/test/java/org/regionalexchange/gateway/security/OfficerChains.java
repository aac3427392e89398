package org.regionalexchange.gateway.security;

import java.time.Clock;

import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.error.ProblemResponses;
import org.regionalexchange.gateway.node.NodeProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A filter chain for extra paths that authenticates exactly as the node's own chain does (its
 * {@code JwtDecoder}, {@link OfficerTokenConverter}, problem+json refusals, the rate limit) and lets
 * officers through: for the P1 benchmark's endpoints ({@code bench/holder-throughput}). Test code:
 * not a component, so the nodes of other tests never pick it up.
 */
public final class OfficerChains {

    private OfficerChains() {
    }

    public static SecurityFilterChain officersOnly(HttpSecurity http, ApplicationContext context, String... paths)
            throws Exception {
        SecurityConfiguration.bearerTokens(http.securityMatcher(paths), context.getBean(ParticipantRegistry.class),
                context.getBean(NodeProperties.class), context.getBean(JwtProperties.class),
                context.getBean(ProblemResponses.class), context.getBean(RateLimitProperties.class),
                context.getBean(Clock.class))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().hasRole(Role.OFFICER.name()));
        return http.build();
    }
}
