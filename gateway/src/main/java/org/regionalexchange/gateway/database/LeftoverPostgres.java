package org.regionalexchange.gateway.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node killed outright (kill -9, power loss of the JVM only) leaves its embedded PostgreSQL
 * running, holding the data folder's {@code postmaster.pid}; the next start would then fail with
 * "lock file already exists" and the node would stay down. Before starting, the node stops such
 * a server if it is still alive and serves this very data folder (checked through the process's
 * command line, so a recycled process id is never touched).
 */
final class LeftoverPostgres {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private LeftoverPostgres() {
    }

    /** Stops the PostgreSQL left running on {@code dataDirectory}, if there is one. */
    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.size() < 2 || !lines.get(0).strip().matches("[0-9]{1,10}")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> servesDataDirectory(p, lines.get(1).strip(), dataDirectory));
        if (process.isEmpty()) {
            return;
        }
        log.warn("An embedded PostgreSQL left running by an earlier node process (pid {}) holds {}; stopping it.",
                pid, dataDirectory);
        // SIGTERM: PostgreSQL's smart shutdown; the earlier node is gone, so no client holds it open.
        process.get().destroy();
        // A timeout is elapsed time, not a date: the monotonic clock, unaffected by the wall clock.
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (process.get().isAlive() && System.nanoTime() - deadline < 0) {
            sleep();
        }
        if (process.get().isAlive()) {
            throw new IOException("The embedded PostgreSQL left running (pid " + pid + ") did not stop in "
                    + STOP_TIMEOUT.toSeconds() + " s; stop it and start the node again.");
        }
    }

    /** The postmaster.pid's second line is the data folder; the process must be a postgres server of it. */
    private static boolean servesDataDirectory(ProcessHandle process, String pidFileDirectory, Path dataDirectory) {
        boolean sameFolder;
        try {
            sameFolder = Path.of(pidFileDirectory).toRealPath().equals(dataDirectory.toRealPath());
        } catch (IOException | RuntimeException e) {
            sameFolder = false;
        }
        String command = process.info().command().orElse("");
        return sameFolder && command.endsWith("postgres");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
