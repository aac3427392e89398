/**
 * The participant registry persisted with its history. directory: the registry read from the file;
 * audit: the revisions; keys, validation.
 */
@ApplicationModule(allowedDependencies = {"audit", "directory", "keys", "validation"})
package org.regionalexchange.gateway.registry;

import org.springframework.modulith.ApplicationModule;
