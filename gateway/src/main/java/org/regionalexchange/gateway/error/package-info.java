/**
 * The one ErrorCode enum and its mapping to application/problem+json. Uses no other part of the
 * gateway.
 */
@ApplicationModule(allowedDependencies = {})
package org.regionalexchange.gateway.error;

import org.springframework.modulith.ApplicationModule;
