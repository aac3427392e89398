/**
 * Referrals. screening and records: the person referred comes from one of them; directory: the
 * receiving agency; audit, security, node, validation, error.
 */
@ApplicationModule(allowedDependencies = {"audit", "directory", "error", "node", "records", "screening", "security", "validation"})
package org.regionalexchange.gateway.referral;

import org.springframework.modulith.ApplicationModule;
