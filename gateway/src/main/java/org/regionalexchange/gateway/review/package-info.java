/**
 * Human review of received requests at the holder (docs/design.md §6 step 9): the reviewer's queue
 * and decision, /api/v1/reviews and the desk behind the console's reviewer screens. exchange (its
 * named interface "review" only, ReviewQueue): the ledger of received requests, the decisions and
 * the signed answers stay the exchange's, which knows nothing of this feature; security: the
 * reviewer (Officer); validation: the decision's schema; error.
 */
@ApplicationModule(allowedDependencies = {"error", "exchange :: review", "security", "validation"})
package org.regionalexchange.gateway.review;

import org.springframework.modulith.ApplicationModule;
