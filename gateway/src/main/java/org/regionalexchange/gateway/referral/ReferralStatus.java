package org.regionalexchange.gateway.referral;

import java.util.List;
import java.util.Set;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;

/**
 * The lifecycle of a referral (docs/design.md §11, as in Primero's referrals): SENT → RECEIVED
 * (acknowledged) → ACCEPTED or DECLINED → COMPLETED; the sender may REVOKE while it is open.
 */
enum ReferralStatus {
    SENT, RECEIVED, ACCEPTED, DECLINED, COMPLETED, REVOKED;

    /** Still in the hands of the services: neither declined, completed nor revoked. */
    boolean isOpen() {
        return Set.of(SENT, RECEIVED, ACCEPTED).contains(this);
    }

    /** The status this one may move to by a step of the receiver. */
    boolean mayBecome(ReferralStatus next) {
        return switch (next) {
            case RECEIVED -> this == SENT;
            case ACCEPTED, DECLINED -> this == RECEIVED;
            case COMPLETED -> this == ACCEPTED;
            case REVOKED -> isOpen();
            case SENT -> false;
        };
    }

    /** The {@code status} query parameter of a listing: absent is every status, anything else not a status is refused. */
    static ReferralStatus ofParameter(String status) {
        if (status == null) {
            return null;
        }
        try {
            return valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "Invalid query parameter status.",
                    List.of(new FieldError("status", "expected one of SENT, RECEIVED, ACCEPTED, DECLINED, COMPLETED, REVOKED")));
        }
    }
}
