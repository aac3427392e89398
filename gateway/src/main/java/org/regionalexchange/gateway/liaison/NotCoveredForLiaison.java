package org.regionalexchange.gateway.liaison;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;

/**
 * The record does not exist, is on protection hold, or no consent in force shares it with the
 * liaison's organization: all answer the same {@code 404}. The transaction keeps the
 * {@code ACCESS_REFUSED} event written before it.
 */
final class NotCoveredForLiaison extends ApiException {

    NotCoveredForLiaison() {
        super(ErrorCode.NOT_FOUND, "No record with this id that a consent in force shares with your organization.");
    }
}
