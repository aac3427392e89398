package org.regionalexchange.gateway.records;

import java.util.Locale;

/** Document numbers compared without spaces and hyphens, upper case: {@code p-123 4567} = {@code P1234567}. */
final class DocumentNumbers {

    private DocumentNumbers() {
    }

    static String normalize(String number) {
        return number.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
