/**
 * The exchange between nodes, both sides. records, consent, agreements: the holder's bridge to
 * what the policy judges (HolderRecords); signing and directory: envelopes and trusted keys;
 * audit: the access log; statistics: requests counted by month; security, node, config,
 * validation, error.
 */
@ApplicationModule(allowedDependencies = {"agreements", "audit", "config", "consent", "directory", "error", "node", "records", "security", "signing", "statistics", "validation"})
package org.regionalexchange.gateway.exchange;

import org.springframework.modulith.ApplicationModule;
