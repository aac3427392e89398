/**
 * Consents of a record. records: a consent belongs to a record; directory: recipients are known
 * agencies; audit, security, node, validation, error.
 */
@ApplicationModule(allowedDependencies = {"audit", "directory", "error", "node", "records", "security", "validation"})
package org.regionalexchange.gateway.consent;

import org.springframework.modulith.ApplicationModule;
