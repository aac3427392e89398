/**
 * The embedded PostgreSQL of evaluation mode. config: its properties are checked property groups.
 */
@ApplicationModule(allowedDependencies = {"config"})
package org.regionalexchange.gateway.database;

import org.springframework.modulith.ApplicationModule;
