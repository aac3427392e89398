/**
 * Subject records. audit: their history and the access log; statistics: records counted by month
 * (StatisticsSource); security: the officer's agency; node, validation, error.
 */
@ApplicationModule(allowedDependencies = {"audit", "error", "node", "security", "statistics", "validation"})
package org.regionalexchange.gateway.records;

import org.springframework.modulith.ApplicationModule;
