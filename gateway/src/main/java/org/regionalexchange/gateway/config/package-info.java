/**
 * Checked configuration: property groups, their problems and the failure analyzer. Uses no other
 * part of the gateway.
 */
@ApplicationModule(allowedDependencies = {})
package org.regionalexchange.gateway.config;

import org.springframework.modulith.ApplicationModule;
