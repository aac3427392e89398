/**
 * PEM keys and key generation. Uses no other part of the gateway.
 */
@ApplicationModule(allowedDependencies = {})
package org.regionalexchange.gateway.keys;

import org.springframework.modulith.ApplicationModule;
