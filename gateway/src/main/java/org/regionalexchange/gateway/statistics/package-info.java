/**
 * Regional statistics without personal data. It knows no feature: features count through
 * StatisticsSource. signing: statistics envelopes; directory: the nodes asked for the region's
 * sum; node, config, validation, error.
 */
@ApplicationModule(allowedDependencies = {"config", "directory", "error", "node", "signing", "validation"})
package org.regionalexchange.gateway.statistics;

import org.springframework.modulith.ApplicationModule;
