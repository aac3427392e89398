/**
 * The local region's helper (development keys, registry, tokens). keys: key generation; security:
 * the role names of development tokens.
 */
@ApplicationModule(allowedDependencies = {"keys", "security"})
package org.regionalexchange.gateway.region;

import org.springframework.modulith.ApplicationModule;
