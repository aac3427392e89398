/**
 * Referrals. screening and records: the person referred comes from one of them; directory: the
 * receiving agency; audit, security, node, validation, error.
 * statistics: it hands its monthly counts through StatisticsSource.
 * printout: the referral slip as a PDF.
 * consent: the ConsentWithdrawn event that revokes what a consent covered; signing: referral
 * envelopes and receipts between nodes; config: the delivery settings.
 */
@ApplicationModule(allowedDependencies = {"audit", "config", "consent", "directory", "error", "node", "printout", "records", "screening", "security", "signing", "statistics", "validation"})
package org.regionalexchange.gateway.referral;

import org.springframework.modulith.ApplicationModule;
