/**
 * The web console at /console. It holds no rule: exchange (RequestDesk, ReviewDesk) and the other
 * features' services decide, as for the API. security: the signed-in person becomes the API's
 * Officer (OfficerClaims); directory: agencies shown by name; node: this node's id; config, error.
 */
@ApplicationModule(allowedDependencies = {"audit", "config", "consent", "directory", "error", "exchange", "node", "records", "security"})
package org.regionalexchange.gateway.console;

import org.springframework.modulith.ApplicationModule;
