package org.regionalexchange.gateway.referral;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;

/**
 * A refusal to open a record from a referral, decided before anything is written: its transaction
 * commits, so the refusal stays in the access log. Any later failure rolls everything back.
 */
class OpeningRefused extends ApiException {

    OpeningRefused(ErrorCode code, String detail) {
        super(code, detail);
    }
}
