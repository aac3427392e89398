/**
 * Referrals. screening and records: the person referred comes from one of them; directory: the
 * receiving agency; audit, security, node, validation, error.
 * statistics: it hands its monthly counts through StatisticsSource.
 */
@ApplicationModule(allowedDependencies = {"audit", "directory", "error", "node", "records", "screening", "security", "statistics", "validation"})
package org.regionalexchange.gateway.referral;

import org.springframework.modulith.ApplicationModule;
