package org.regionalexchange.gateway.database;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the application whose start begins the embedded PostgreSQL early ({@link EarlyEmbeddedPostgres}).
 * The node's application carries it; any other Spring application on the same class path (this
 * listener is registered for all of them in {@code spring.factories}) starts no database. The mark
 * points from the application to this package, so this package needs nothing of the application.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EmbeddedPostgresEarly {
}
