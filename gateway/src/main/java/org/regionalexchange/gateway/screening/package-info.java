/**
 * Screening interviews at the border. directory: the National Reference Guide's suggestions;
 * audit: history and access log; security: the screener; node, validation, error.
 * statistics: it hands its monthly counts through StatisticsSource.
 */
@ApplicationModule(allowedDependencies = {"audit", "directory", "error", "node", "security", "statistics", "validation"})
package org.regionalexchange.gateway.screening;

import org.springframework.modulith.ApplicationModule;
