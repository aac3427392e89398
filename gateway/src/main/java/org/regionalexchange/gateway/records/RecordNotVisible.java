package org.regionalexchange.gateway.records;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;

/**
 * No record with this id for the caller's agency: it does not exist, or another agency holds it.
 * Both answer the same {@code 404 not_found}. Transactions do not roll back for it, so that the
 * {@code ACCESS_REFUSED} event written before it is kept.
 */
public final class RecordNotVisible extends ApiException {

    RecordNotVisible() {
        super(ErrorCode.NOT_FOUND, "No record with this id for your agency.");
    }
}
