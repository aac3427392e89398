/**
 * Data-sharing agreements. audit: agreements keep an Envers history; config, validation, error.
 */
@ApplicationModule(allowedDependencies = {"audit", "config", "error", "validation"})
package org.regionalexchange.gateway.agreements;

import org.springframework.modulith.ApplicationModule;
