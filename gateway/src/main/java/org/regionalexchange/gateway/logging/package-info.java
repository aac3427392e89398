/**
 * Log converters that escape control characters. Uses no other part of the gateway.
 */
@ApplicationModule(allowedDependencies = {})
package org.regionalexchange.gateway.logging;

import org.springframework.modulith.ApplicationModule;
