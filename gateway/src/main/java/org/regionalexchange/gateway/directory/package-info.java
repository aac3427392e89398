/**
 * The participant registry (trust list) and the agencies endpoint. config, validation: the
 * registry file is checked against its schema; keys: public keys; node: this node's own entry;
 * error: problems.
 * printout: the National Reference Guide as a PDF.
 */
@ApplicationModule(allowedDependencies = {"config", "error", "keys", "node", "printout", "validation"})
package org.regionalexchange.gateway.directory;

import org.springframework.modulith.ApplicationModule;
