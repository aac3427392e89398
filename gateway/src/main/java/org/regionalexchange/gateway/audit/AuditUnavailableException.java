package org.regionalexchange.gateway.audit;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;

/**
 * The access log could not be written (docs/performance.md R1, "no audit, no data"): the transaction that
 * would have read or released personal data rolls back and the caller gets {@code 503
 * audit_unavailable}. Thrown by the access log only, so that no caller can mistake it for an
 * ordinary data-access failure and recover from it.
 */
public final class AuditUnavailableException extends ApiException {

    AuditUnavailableException() {
        super(ErrorCode.AUDIT_UNAVAILABLE, "The access log could not be written; nothing was read or released.");
    }
}
