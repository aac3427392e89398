/**
 * The UNHCR liaison's view of consented records. records and consent: what is shown; audit: every
 * view logged; directory, security, node, error.
 */
@ApplicationModule(allowedDependencies = {"audit", "consent", "directory", "error", "node", "records", "security"})
package org.regionalexchange.gateway.liaison;

import org.springframework.modulith.ApplicationModule;
