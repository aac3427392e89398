/**
 * The HTTP surface's filters and Tomcat valve. error: problems; validation: the control-character
 * rule.
 */
@ApplicationModule(allowedDependencies = {"error", "validation"})
package org.regionalexchange.gateway.http;

import org.springframework.modulith.ApplicationModule;
