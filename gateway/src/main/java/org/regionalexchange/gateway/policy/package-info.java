/**
 * Wires the framework-free policy engine in. config: the policy file is a checked property.
 */
@ApplicationModule(allowedDependencies = {"config"})
package org.regionalexchange.gateway.policy;

import org.springframework.modulith.ApplicationModule;
