/**
 * The web console at /console. It holds no rule: exchange (RequestDesk, ReviewDesk) and the other
 * features' services decide, as for the API: screening and referral (ScreeningDesk, ReferralDesk),
 * liaison (LiaisonDesk), agreements (AgreementDesk); audit: the access-log actions it names. security: the signed-in person becomes the API's
 * Officer (OfficerClaims); directory: agencies shown by name; node: this node's id; config, error.
 */
@ApplicationModule(allowedDependencies = {"agreements", "audit", "config", "directory", "error", "exchange", "liaison", "node", "referral", "screening", "security"})
package org.regionalexchange.gateway.console;

import org.springframework.modulith.ApplicationModule;
