/**
 * Who this node is. config: checked properties; keys: reads its signing keys.
 */
@ApplicationModule(allowedDependencies = {"config", "keys"})
package org.regionalexchange.gateway.node;

import org.springframework.modulith.ApplicationModule;
