package org.regionalexchange.gateway.http;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.regionalexchange.gateway.error.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The node's HTTP surface, the same for {@code /api/v1}, {@code /exchange/v1} and
 * {@code /actuator}: the security headers on every answer, the refusal of control characters in
 * the target before authentication, and the container's own errors as problems.
 */
@Configuration(proxyBeanMethods = false)
class HttpSurfaceConfiguration {

    /** First of all filters, on every dispatch. */
    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }

    /** After the character-encoding filter (so parameters decode as UTF-8), before security. */
    @Bean
    FilterRegistrationBean<RequestTargetFilter> requestTargetFilter(ProblemResponses problems) {
        FilterRegistrationBean<RequestTargetFilter> registration = new FilterRegistrationBean<>(
                new RequestTargetFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    ProblemReportValveCustomizer problemReportValveCustomizer() {
        return new ProblemReportValveCustomizer();
    }
}
