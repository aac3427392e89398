/**
 * Who is in the region and how to reach them: the participant registry (trust list: nodes, keys,
 * agencies) read from the registry file, persisted with its history at start-up (a revision with
 * reason "deployment file" through RevisionReasons, which the application hands over from audit:
 * audit uses the directory, so the directory does not use audit), the agencies endpoint and the
 * National Reference Guide. config, validation: the registry file is checked against its schema;
 * keys: public keys; node: this node's own entry; error: problems; printout: the National Reference
 * Guide as a PDF.
 */
@ApplicationModule(allowedDependencies = {"config", "error", "keys", "node", "printout", "validation"})
package org.regionalexchange.gateway.directory;

import org.springframework.modulith.ApplicationModule;
