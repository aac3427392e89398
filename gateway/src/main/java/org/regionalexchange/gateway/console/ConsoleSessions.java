package org.regionalexchange.gateway.console;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * The console's sessions in the node's database (Spring Session JDBC, tables of V39), so that every
 * replica of the node serves every signed-in person and a restart signs no one out.
 * <ul>
 * <li>only the console's paths have sessions: Spring Session's filter is mapped to them alone, so
 * that an API or node-to-node request never reads, extends or writes a stored session, even with a
 * console cookie (Spring MVC's locale resolver and flash maps would otherwise look the session up
 * on every request);</li>
 * <li>a session unused for {@code gateway.console.idle-timeout} expires: the stored session's own
 * max inactive interval, checked by whichever replica reads it, and the expired rows are deleted
 * by {@code spring.session.jdbc.cleanup-cron};</li>
 * <li>attributes are written with PostgreSQL's {@code ON CONFLICT}: two replicas saving the same
 * attribute of one session at once do not fail on the primary key;</li>
 * <li>an attribute that no longer reads (written by an older build whose class changed, or
 * damaged) is absent rather than an error: the person is asked to sign in again (fail closed).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSessions {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSessions.class);

    /** The paths of the console's chain (ConsoleSecurityConfiguration), as servlet URL patterns. */
    static final List<String> PATHS = List.of("/console", "/console/*", "/oauth2/authorization/*",
            "/login/oauth2/code/*");

    @Bean
    static BeanPostProcessor sessionsOnConsolePathsOnly() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof DelegatingFilterProxyRegistrationBean registration
                        && "sessionRepositoryFilterRegistration".equals(name)) {
                    registration.setUrlPatterns(PATHS);
                }
                return bean;
            }
        };
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> consoleSessionRepository(ConsoleProperties properties) {
        // Runs after Spring Boot's own customizer (highest precedence): these settings win.
        return repository -> {
            new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
            repository.setDefaultMaxInactiveInterval(properties.idleTimeout());
            repository.setConversionService(attributeConversions());
        };
    }

    private static GenericConversionService attributeConversions() {
        GenericConversionService conversions = new GenericConversionService();
        SerializingConverter serialize = new SerializingConverter();
        DeserializingConverter deserialize = new DeserializingConverter(ConsoleSessions.class.getClassLoader());
        conversions.addConverter(Object.class, byte[].class, serialize::convert);
        conversions.addConverter(byte[].class, Object.class, (Converter<byte[], Object>) bytes -> {
            try {
                return deserialize.convert(bytes);
            } catch (SerializationFailedException e) {
                log.warn("console session attribute unreadable, dropped exception={}", e.getCause() == null
                        ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
                return null;
            }
        });
        return conversions;
    }
}
