package org.regionalexchange.bench;

import java.util.Arrays;

import org.regionalexchange.gateway.GatewayApplication;
import org.regionalexchange.gateway.security.OfficerChains;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application of the P1 benchmark ({@code bench/holder-throughput}): a whole gateway node, its
 * own holder endpoint included, plus the variant endpoints of {@link HolderVariants}, in one JVM on
 * one database with the node's settings. Test code, never in the node's jar; outside
 * {@code org.regionalexchange.gateway} on purpose, so that the nodes of other tests, which scan that
 * package, never serve these endpoints.
 */
@Configuration(proxyBeanMethods = false)
@Import(HolderVariants.class)
public class HolderBenchApplication {

    /** The node's migrations, then the benchmark's (the plain table of V0-V3). */
    public static final String FLYWAY_LOCATIONS = "--spring.flyway.locations=classpath:db/migration,classpath:db/bench";

    /** The node's sources and this configuration. */
    public static final Class<?>[] SOURCES = {GatewayApplication.class, HolderBenchApplication.class};

    /** V0 authenticates nobody: the token it is sent is not even read. */
    @Bean
    @Order(1)
    SecurityFilterChain bareVariantChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(HolderVariants.V0)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .build();
    }

    /** V1-V4 authenticate an officer's bearer token as the node's own chain does. */
    @Bean
    @Order(2)
    SecurityFilterChain officerVariantChain(HttpSecurity http, ApplicationContext context) throws Exception {
        return OfficerChains.officersOnly(http, context, HolderVariants.V1, HolderVariants.V2, HolderVariants.V3,
                HolderVariants.V4);
    }

    public static ConfigurableApplicationContext start(String... args) {
        String[] arguments = Arrays.copyOf(args, args.length + 1);
        arguments[args.length] = FLYWAY_LOCATIONS;
        return SpringApplication.run(SOURCES, arguments);
    }

    public static void main(String[] args) {
        start(args);
    }
}
