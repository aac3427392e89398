/**
 * The web console at /console. It holds no rule: exchange (RequestDesk, ReviewDesk) and the other
 * features' services decide, as for the API. security: the signed-in person becomes the API's
 * Officer (OfficerClaims); directory: agencies shown by name; node: this node's id;
 * statistics: the node's and the region's figures (StatisticsViews); config, error.
 */
@ApplicationModule(allowedDependencies = {"config", "directory", "error", "exchange", "node", "security", "statistics"})
package org.regionalexchange.gateway.console;

import org.springframework.modulith.ApplicationModule;
