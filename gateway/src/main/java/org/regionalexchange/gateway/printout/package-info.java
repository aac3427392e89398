/**
 * Printed pages (the referral slip, the National Reference Guide): HTML rendered to PDF with an
 * embedded font. Knows no feature; error: problems for a page that cannot be printed.
 */
@ApplicationModule(allowedDependencies = {"error"})
package org.regionalexchange.gateway.printout;

import org.springframework.modulith.ApplicationModule;
