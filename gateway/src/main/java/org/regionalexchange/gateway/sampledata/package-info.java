/**
 * Sample records of evaluation mode, loaded through the record and consent services (as a
 * registrar would): records, consent, security, audit, directory, node, config, validation, error.
 */
@ApplicationModule(allowedDependencies = {"audit", "config", "consent", "directory", "error", "node", "records", "security", "validation"})
package org.regionalexchange.gateway.sampledata;

import org.springframework.modulith.ApplicationModule;
