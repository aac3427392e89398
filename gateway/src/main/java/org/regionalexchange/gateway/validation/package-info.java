/**
 * Strict JSON parsing and schema validation. config: its limits; error: invalid bodies become
 * problems.
 */
@ApplicationModule(allowedDependencies = {"config", "error"})
package org.regionalexchange.gateway.validation;

import org.springframework.modulith.ApplicationModule;
