/**
 * Screening interviews at the border. directory: the National Reference Guide's suggestions;
 * audit: history and access log; security: the screener; node, validation, error.
 */
@ApplicationModule(allowedDependencies = {"audit", "directory", "error", "node", "security", "validation"})
package org.regionalexchange.gateway.screening;

import org.springframework.modulith.ApplicationModule;
