/**
 * Officers' tokens, roles and the authorization table. directory: an officer's agency must be an
 * agency of this node; node: which node this is; keys: the token issuer's key; validation: control
 * characters in claims; config, error.
 */
@ApplicationModule(allowedDependencies = {"config", "directory", "error", "keys", "node", "validation"})
package org.regionalexchange.gateway.security;

import org.springframework.modulith.ApplicationModule;
