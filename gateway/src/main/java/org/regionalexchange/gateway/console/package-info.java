/**
 * The web console at /console. It holds no rule: exchange (RequestDesk), review (ReviewDesk) and the
 * other features' services decide, as for the API: screening and referral (ScreeningDesk, ReferralDesk),
 * liaison (LiaisonDesk), agreements (AgreementDesk), records (RegistrarDesk), consent (ConsentDesk),
 * audit (DpoDesk), checkpoints (CheckpointDesk). security: the signed-in person becomes the API's
 * Officer (OfficerClaims); directory: agencies shown by name; node: this node's id;
 * statistics: the node's and the region's figures (StatisticsViews); config, error.
 */
@ApplicationModule(allowedDependencies = {"agreements", "audit", "checkpoints", "config", "consent", "directory", "error", "exchange", "liaison", "node", "records", "referral", "review", "screening", "security", "statistics"})
package org.regionalexchange.gateway.console;

import org.springframework.modulith.ApplicationModule;
