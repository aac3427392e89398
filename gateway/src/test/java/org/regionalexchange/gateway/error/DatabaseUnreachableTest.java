package org.regionalexchange.gateway.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.hibernate.TransactionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database cannot be reached" (503 audit_unavailable) and which do not. */
class DatabaseUnreachableTest {

    @Test
    @DisplayName("no connection from the pool, a connection-class SQL state, a read-only standby: unreachable")
    void connectionFailures() {
        assertTrue(DatabaseUnreachable.causes(new CannotCreateTransactionException("no connection")));
        assertTrue(DatabaseUnreachable.causes(new RuntimeException(new SQLException("io", "08006"))));
        assertTrue(DatabaseUnreachable.causes(new RuntimeException(new SQLException("admin shutdown", "57P01"))));
        assertTrue(DatabaseUnreachable.causes(new RuntimeException(new SQLException("read only", "25006"))));
    }

    @Test
    @DisplayName("the primary crashes under a transaction: its rollback fails on the closed connection (as bench/failover saw); result: unreachable")
    void rollbackOnAClosedConnection() {
        // The chain the node logged at the crash: JpaSystemException <- TransactionException <- SQLException
        // from the pool's closed connection, with no SQL state.
        var failure = new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")));
        assertTrue(DatabaseUnreachable.causes(failure));
    }

    @Test
    @DisplayName("a constraint violation or a plain bug: not unreachable")
    void otherFailures() {
        assertFalse(DatabaseUnreachable.causes(new DataIntegrityViolationException("dup",
                new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnreachable.causes(new IllegalStateException("bug")));
        assertFalse(DatabaseUnreachable.causes(new TransactionException("Transaction not active")));
    }
}
