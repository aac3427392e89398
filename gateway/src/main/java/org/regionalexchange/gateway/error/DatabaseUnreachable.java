package org.regionalexchange.gateway.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database cannot be reached or cannot be written: no connection (the
 * pool timed out, the server refused or closed it: SQL state class {@code 08}), the server shutting
 * down ({@code 57P01}–{@code 57P03}), or a server that became a read-only standby ({@code 25006})
 * while a primary fails over, or a transaction whose rollback failed on its connection. Only the
 * types and SQL states are looked at, never a message.
 */
final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // A transaction that cannot be ended on its connection (the rollback after a crash of the
            // primary finds the pool's connection closed, an SQLException without a state): the
            // connection is gone, whatever failure the rollback hides.
            if (t instanceof org.hibernate.TransactionException && t.getCause() instanceof SQLException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                        || state.equals("25006")) {
                    return true;
                }
            }
        }
        return false;
    }
}
