package org.regionalexchange.gateway.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The start of the embedded PostgreSQL (evaluation mode): a PostgreSQL left running on the data
 * folder is stopped, the folder is initialised if new, the server started and the application's
 * role created. {@link #begin} does this on a thread of its own, so that it overlaps the building
 * of the application context (docs/performance.md P6); {@link #await} hands over the server or throws what
 * the start threw. As a bean of the context it stops the server when the context is destroyed,
 * also when the context fails before anything used the server.
 */
final class EmbeddedPostgresStart implements DisposableBean {

    static final String BEAN_NAME = "embeddedPostgresStart";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStart.class);

    private final CompletableFuture<EmbeddedPostgres> server = new CompletableFuture<>();

    private EmbeddedPostgresStart() {
    }

    /** Starts the server on a new thread; the result is collected by {@link #await}. */
    static EmbeddedPostgresStart begin(EmbeddedDatabaseProperties properties, DatabaseProperties database) {
        EmbeddedPostgresStart start = new EmbeddedPostgresStart();
        Thread thread = new Thread(() -> {
            try {
                start.server.complete(start(properties, database));
            } catch (Throwable e) {
                start.server.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    /** The started server; what the start threw, if it failed. */
    EmbeddedPostgres await() throws IOException {
        try {
            return server.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the embedded PostgreSQL to start", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Stops the server once its start has finished (closing twice is harmless). */
    @Override
    public void destroy() throws IOException {
        EmbeddedPostgres postgres;
        try {
            postgres = server.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            return;
        }
        postgres.close();
    }

    private static EmbeddedPostgres start(EmbeddedDatabaseProperties properties, DatabaseProperties database)
            throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath();
        Files.createDirectories(dataDirectory);
        LeftoverPostgres.stopIfRunning(dataDirectory);
        log.warn("EVALUATION MODE: no spring.datasource.url is set; starting an embedded PostgreSQL with its data in {}."
                + " Do not use this mode in production: point spring.datasource.* at a managed PostgreSQL.",
                dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                // The server's own log reaches the node's log (the library logs its output): an
                // error's message and detail can quote the values of a row, personal data. The
                // node logs failed statements itself, by type and code; the server logs only what
                // stops it (FATAL, PANIC).
                .setServerConfig("log_min_messages", "fatal")
                .setServerConfig("log_min_error_statement", "panic")
                // PostgreSQL's default (the library's is 300): the node uses at most 10 connections,
                // and each allowed connection costs shared memory.
                .setServerConfig("max_connections", "100");
        if (properties.port() != 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL listening on 127.0.0.1:{}", postgres.getPort());
        try {
            createApplicationRole(postgres, database.appRole());
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /**
     * The restricted role the application connects as (the migrations, run as {@code postgres},
     * grant it its privileges). The embedded server trusts local connections, so it has no password.
     */
    private static void createApplicationRole(EmbeddedPostgres postgres, String role) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // The name is checked by DatabaseProperties: a plain lower-case identifier.
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role
                    + "') THEN CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the application role " + role, e);
        }
    }
}
