package org.regionalexchange.gateway.console;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.regionalexchange.gateway.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The console's own filter chain (docs/security.md, "Console"): OpenID Connect sign-in
 * (authorization code + PKCE) as a backend-for-frontend — the tokens stay in the server session,
 * which the node's database keeps for every replica ({@link ConsoleSessions}), the browser holds
 * only the HttpOnly, SameSite=Strict session cookie — CSRF tokens on every change, a nonce-based
 * Content-Security-Policy, an idle timeout and sign-out at the node and the provider. It serves
 * only {@code /console/**}, the sign-in endpoints and the static files; the API's bearer-token
 * chain and the node-to-node chain are untouched (stateless). Off without an issuer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class ConsoleSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

    static final String SIGN_IN = "/console/sign-in";
    static final String SIGNED_OUT = "/console/signed-out";
    /** The refusal page, shown (forwarded to) for a role's screen or a change without its CSRF token. */
    static final String DENIED = "/console/denied";

    @Bean
    ClientRegistrationRepository consoleClientRegistrations(ConsoleProperties properties) {
        return new DiscoveredClientRegistrations(properties);
    }

    /**
     * The provider's tokens of a signed-in person, in that person's session (so in the database,
     * for every replica, and gone with the session at sign-out or expiry) rather than in one
     * replica's memory, where Spring Boot's default would keep them for as long as the node runs.
     */
    @Bean
    OAuth2AuthorizedClientRepository consoleAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain consoleChain(HttpSecurity http, ConsoleProperties properties,
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients,
            ConsoleUserService users, JdbcClient jdbc, Clock clock) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        // Only a page the person asked for is returned to after sign-in: never a fragment or a change.
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && request.getHeader("HX-Request") == null && request.getRequestURI().startsWith("/console"));
        SavedRequestAwareAuthenticationSuccessHandler toPage = new SavedRequestAwareAuthenticationSuccessHandler();
        toPage.setDefaultTargetUrl("/console");
        toPage.setAlwaysUseDefaultTargetUrl(false);
        toPage.setRequestCache(requestCache);
        http.securityMatcher("/console", "/console/**", "/oauth2/authorization/**", "/login/oauth2/code/**",
                        "/webjars/**")
                // Every header the node sets stays (http package); this chain adds the page's own policy.
                .headers(headers -> headers.disable())
                .addFilterBefore(new ContentSecurityPolicyFilter(properties.issuerOrigin()), HeaderWriterFilter.class)
                .requestCache(cache -> cache.requestCache(requestCache))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(SIGN_IN, SIGNED_OUT, DENIED, "/console/static/**", "/webjars/**").permitAll()
                        .requestMatchers("/console", "/console/").authenticated()
                        // One line per role's screens (docs/console.md).
                        .requestMatchers("/console/officer/**").hasRole(Role.OFFICER.name())
                        .requestMatchers("/console/reviewer/**").hasRole(Role.REVIEWER.name())
                        .requestMatchers("/console/screener/**").hasRole(Role.SCREENER.name())
                        .requestMatchers("/console/liaison/**").hasRole(Role.LIAISON.name())
                        .requestMatchers("/console/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/console/registrar/**").hasRole(Role.REGISTRAR.name())
                        .requestMatchers("/console/dpo/**").hasRole(Role.DPO.name())
                        // What the agency sent: whoever may send a referral, as /api/v1/referrals.
                        .requestMatchers("/console/referrals/**")
                        .hasAnyRole(Role.SCREENER.name(), Role.REGISTRAR.name())
                        // Figures without personal data: any role, as /api/v1/statistics.
                        .requestMatchers("/console/statistics", "/console/statistics/**").authenticated()
                        .anyRequest().denyAll())
                .oauth2Login(login -> login
                        .loginPage(SIGN_IN)
                        // Not in the SameSite=Strict session: see SignInRequests.
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestRepository(
                                new SignInRequests(jdbc, clock)))
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                        .successHandler((request, response, authentication) -> {
                            // The stored session's own interval: every replica enforces it.
                            request.getSession().setMaxInactiveInterval((int) properties.idleTimeout().toSeconds());
                            log.info("console sign-in agency={}", agencyOf(authentication));
                            toPage.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler(new SimpleUrlAuthenticationFailureHandler(SIGN_IN + "?failed")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> signInFirst(request, response, e))
                        .accessDeniedPage(DENIED))
                .logout(logout -> logout
                        .logoutUrl("/console/sign-out")
                        .logoutSuccessHandler(signedOut)
                        // Deletes the stored session (every replica then refuses its cookie); the
                        // session filter expires the cookie in the same answer.
                        .invalidateHttpSession(true));
        return http.build();
    }

    private static final LoginUrlAuthenticationEntryPoint SIGN_IN_PAGE = new LoginUrlAuthenticationEntryPoint(SIGN_IN);

    /** A page goes to the sign-in page; an htmx fragment asks the browser to load it (the session ended). */
    private static void signInFirst(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e) throws IOException, ServletException {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", SIGN_IN);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        SIGN_IN_PAGE.commence(request, response, e);
    }

    private static String agencyOf(Authentication authentication) {
        return authentication.getPrincipal() instanceof ConsoleUser user ? user.officer().agency() : "-";
    }
}
