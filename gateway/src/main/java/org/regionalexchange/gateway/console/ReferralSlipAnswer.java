package org.regionalexchange.gateway.console;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.referral.ReferralDesk;
import org.regionalexchange.gateway.security.Officer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The referral slip to print, as the sender's and the receiver's pages link it. */
final class ReferralSlipAnswer {

    private ReferralSlipAnswer() {
    }

    /**
     * The slip in the console's language (English unless Russian); when the service refuses it
     * (not the agency's referral, or revoked), back to {@code page}, which says why.
     */
    static ResponseEntity<byte[]> of(ReferralDesk referrals, Officer officer, UUID id, Locale locale, String page) {
        String lang = "ru".equals(locale.getLanguage()) ? "ru" : "en";
        try {
            byte[] pdf = referrals.slip(officer, id, lang);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"referral-" + id + "-" + lang + ".pdf\"")
                    .body(pdf);
        } catch (ApiException e) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(page)).build();
        }
    }
}
