package org.regionalexchange.gateway.audit;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a node whose database connection could change the access log: a role with
 * UPDATE, DELETE or TRUNCATE on {@code access_log} (a superuser or the owner, for instance) would
 * make the append-only promise depend on the trigger alone (QUALITY.md R6). Fail closed.
 */
@Component
class AppendOnlyCheck implements SmartInitializingSingleton {

    private final JdbcClient jdbc;

    AppendOnlyCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Boolean mayChange = jdbc.sql("""
                select has_table_privilege('access_log', 'UPDATE') or has_table_privilege('access_log', 'DELETE')
                    or has_table_privilege('access_log', 'TRUNCATE')""").query(Boolean.class).single();
        if (Boolean.TRUE.equals(mayChange)) {
            throw new IllegalStateException("The database role of spring.datasource.username may update or delete"
                    + " access_log; connect the application as the restricted role (gateway.database.app-role, see"
                    + " docs/configuration.md) and run migrations as the owner (spring.flyway.user)");
        }
    }
}
