/**
 * Signed envelopes between nodes. directory: the trusted keys; node and keys: this node's signing
 * keys; validation: payloads are validated; config.
 */
@ApplicationModule(allowedDependencies = {"config", "directory", "keys", "node", "validation"})
package org.regionalexchange.gateway.signing;

import org.springframework.modulith.ApplicationModule;
