/**
 * Referrals. screening and records: the person referred comes from one of them; directory: the
 * receiving agency; audit, security, node, validation, error.
 * statistics: it hands its monthly counts through StatisticsSource.
 * printout: the referral slip as a PDF.
 */
@ApplicationModule(allowedDependencies = {"audit", "directory", "error", "node", "printout", "records", "screening", "security", "statistics", "validation"})
package org.regionalexchange.gateway.referral;

import org.springframework.modulith.ApplicationModule;
