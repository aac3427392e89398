package org.regionalexchange.gateway.audit;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a node whose database connection could change the evidence it keeps: a role
 * with UPDATE, DELETE or TRUNCATE on {@code access_log} (a superuser or the owner, for instance)
 * would make the append-only promise depend on the trigger alone, and one with any of them on the
 * Envers history ({@code audit_revision} and every {@code *_aud} table) could rewrite who changed
 * what (docs/performance.md R6). Fail closed.
 */
@Component
class AppendOnlyCheck implements SmartInitializingSingleton {

    private final JdbcClient jdbc;

    AppendOnlyCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> changeable = jdbc.sql("""
                select tablename from pg_tables
                where schemaname = current_schema()
                    and (tablename in ('access_log', 'audit_revision') or tablename like '%\\_aud')
                    and (has_table_privilege(quote_ident(tablename), 'UPDATE')
                        or has_table_privilege(quote_ident(tablename), 'DELETE')
                        or has_table_privilege(quote_ident(tablename), 'TRUNCATE'))
                order by tablename""").query(String.class).list();
        if (!changeable.isEmpty()) {
            throw new IllegalStateException("The database role of spring.datasource.username may update or delete "
                    + String.join(", ", changeable) + "; connect the application as the restricted role"
                    + " (gateway.database.app-role, see docs/configuration.md) and run migrations as the owner"
                    + " (spring.flyway.user)");
        }
    }
}
