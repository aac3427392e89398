package org.regionalexchange.gateway.liaison;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;

/** The liaison role acts for an international organization's office; the caller's agency is not one (403). */
final class NotAnOrganizationOffice extends ApiException {

    NotAnOrganizationOffice() {
        super(ErrorCode.ROLE_NOT_PERMITTED,
                "The liaison role acts for an international organization's office; your agency is not one.");
    }
}
