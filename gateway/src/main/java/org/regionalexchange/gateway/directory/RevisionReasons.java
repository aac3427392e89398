package org.regionalexchange.gateway.directory;

import java.util.function.Supplier;

/**
 * Attaches a reason to the revisions that some work makes: the participant registry's history names
 * its cause ({@code deployment file}). The revision context is audit's, and audit uses the directory
 * (so the directory cannot use audit: a cycle); the application's root package hands it over.
 */
public interface RevisionReasons {

    /** Runs {@code work} with {@code reason} attached to any revision it makes. */
    <T> T with(String reason, Supplier<T> work);
}
