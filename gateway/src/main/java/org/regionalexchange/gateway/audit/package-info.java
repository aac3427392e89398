/**
 * Envers revisions and the access log. It knows no business feature: features hand it their
 * history (RecordHistory) and alerts (AlertSource). security: the acting officer (Officer) named
 * in each revision and checked by the DPO's views; node: this node's id in each revision;
 * directory: the disclosure report names the party (country or organization) of a referral's
 * receiving agency; config, error.
 */
@ApplicationModule(allowedDependencies = {"config", "directory", "error", "node", "security"})
package org.regionalexchange.gateway.audit;

import org.springframework.modulith.ApplicationModule;
