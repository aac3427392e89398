package org.regionalexchange.gateway;

import java.time.Clock;

import org.regionalexchange.gateway.database.EmbeddedPostgresEarly;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** One gateway node: the officer-facing API, the node-to-node exchange and their audit. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EmbeddedPostgresEarly
public class GatewayApplication {

    /** The one clock of the node: decisions take it as an argument, tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
