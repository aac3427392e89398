/**
 * Signed checkpoints of the access log and their gossip. audit: the chain being checkpointed;
 * signing: the checkpoint's signature; directory: the peers; security: the DPO's role; node,
 * config, validation, error.
 */
@ApplicationModule(allowedDependencies = {"audit", "config", "directory", "error", "node", "security", "signing", "validation"})
package org.regionalexchange.gateway.checkpoints;

import org.springframework.modulith.ApplicationModule;
