package org.regionalexchange.gateway.database;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Begins the start of the embedded PostgreSQL as soon as a node's application context exists: after
 * its configuration has been checked ({@code StartupConfigurationCheck}), before its beans are
 * built. initdb and the server start then overlap the seconds the context takes to build (P6);
 * the {@code embeddedPostgres} bean waits for the result. Nothing happens when the deployment names
 * a database ({@code spring.datasource.url}), or when the application is not marked
 * {@link EmbeddedPostgresEarly}.
 */
public class EarlyEmbeddedPostgres implements ApplicationListener<ApplicationContextInitializedEvent> {

    @Override
    public void onApplicationEvent(ApplicationContextInitializedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        ConfigurableEnvironment environment = context.getEnvironment();
        if (event.getSpringApplication().getAllSources().stream()
                .noneMatch(source -> source instanceof Class<?> type && type.isAnnotationPresent(EmbeddedPostgresEarly.class))
                || StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)) {
            return;
        }
        Binder binder = Binder.get(environment);
        EmbeddedPostgresStart start = EmbeddedPostgresStart.begin(
                binder.bindOrCreate(EmbeddedDatabaseProperties.PREFIX, EmbeddedDatabaseProperties.class),
                binder.bindOrCreate(DatabaseProperties.PREFIX, DatabaseProperties.class));
        beans.registerSingleton(EmbeddedPostgresStart.BEAN_NAME, start);
        beans.registerDisposableBean(EmbeddedPostgresStart.BEAN_NAME, start);
    }
}
