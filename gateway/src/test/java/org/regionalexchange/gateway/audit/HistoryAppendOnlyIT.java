package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * docs/performance.md R6 for the Envers history, as for the access log: the application's database role
 * may add revisions and read them, never change or remove one. Each test: the application's role
 * tries; result: permission denied (SQLSTATE 42501), while the owner's view shows what it holds.
 */
class HistoryAppendOnlyIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private static TestRegion region;
    private static JdbcTemplate app;
    private static List<String> historyTables;

    @BeforeAll
    static void region() {
        region = TestRegion.shared();
        app = RegionData.app(region, "kz");
        RegionData.register(region, "KZ-" + RUN + "-HST", "Historova");
        historyTables = RegionData.owner(region, "kz").queryForList("""
                select tablename from pg_tables where schemaname = 'public'
                    and (tablename = 'audit_revision' or tablename like '%\\_aud') order by tablename""", String.class);
    }

    @Test
    @DisplayName("the history tables are the revision table and one _aud table per audited entity")
    void historyTablesAreFound() {
        assertTrue(historyTables.containsAll(List.of("audit_revision", "subject_record_aud", "consent_aud",
                "agreement_aud", "registry_node_aud", "registry_agency_aud")), historyTables.toString());
    }

    @Test
    @DisplayName("the application's role updates, deletes or truncates a revision or any _aud table; result: permission denied")
    void historyCannotBeChanged() {
        long revision = app.queryForObject("select max(id) from audit_revision", Long.class);
        for (String sql : List.of("update audit_revision set reason = 'rewritten' where id = " + revision,
                "delete from audit_revision where id = " + revision, "truncate audit_revision cascade")) {
            assertDenied(sql);
        }
        for (String table : historyTables.stream().filter(t -> t.endsWith("_aud")).toList()) {
            assertDenied("update " + table + " set rev = rev where rev = " + revision);
            assertDenied("delete from " + table + " where rev = " + revision);
            assertDenied("truncate " + table);
        }
    }

    @Test
    @DisplayName("the application's role may still read the history and draw revision numbers, and may not reset them")
    void historyCanBeReadAndAppended() {
        assertTrue(app.queryForObject("select count(*) from subject_record_aud", Long.class) > 0);
        long next = app.queryForObject("select nextval('audit_revision_seq')", Long.class);
        assertTrue(next > 0);
        assertDenied("select setval('audit_revision_seq', 1)");
        for (String table : historyTables) {
            assertEquals(List.of("INSERT", "SELECT"), RegionData.owner(region, "kz").queryForList("""
                    select privilege_type from information_schema.role_table_grants
                        where grantee = 'gateway_app' and table_name = ? order by privilege_type""", String.class, table),
                    table);
        }
    }

    @Test
    @DisplayName("a DBA grants the application's role UPDATE on one _aud table; result: the node's start-up check refuses, naming the table")
    void startupCheckFindsAChangeableHistory() {
        JdbcTemplate owner = RegionData.owner(region, "kz");
        AppendOnlyCheck check = region.start("kz").getBean(AppendOnlyCheck.class);
        check.afterSingletonsInstantiated();
        owner.execute("grant update on consent_aud to gateway_app");
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class, check::afterSingletonsInstantiated);
            assertTrue(refused.getMessage().contains("consent_aud"), refused.getMessage());
        } finally {
            owner.execute("revoke update on consent_aud from gateway_app");
        }
        check.afterSingletonsInstantiated();
    }

    private static void assertDenied(String sql) {
        DataAccessException denied = assertThrows(DataAccessException.class, () -> app.execute(sql), sql);
        SQLException cause = (SQLException) denied.getMostSpecificCause();
        assertEquals("42501", cause.getSQLState(), sql + ": " + cause.getMessage());
    }
}
