package org.regionalexchange.gateway.records;

import java.util.List;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;

/**
 * A record's version as an HTTP entity tag ({@code "3"}): {@code GET} and {@code PUT} answer it as
 * {@code ETag}, and a {@code PUT} with {@code If-Match} replaces only the version it names.
 */
final class RecordVersions {

    private RecordVersions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names, or null without one. Only one strong tag of a
     * version is understood; {@code *}, a list or a weak tag is a bad parameter, never ignored.
     */
    static Long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.strip();
        if (!tag.matches("\"[0-9]{1,18}\"")) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "If-Match names one version of the record, as its ETag.",
                    List.of(new FieldError("If-Match", "expected the record's ETag, e.g. \"3\"")));
        }
        return Long.parseLong(tag.substring(1, tag.length() - 1));
    }
}
