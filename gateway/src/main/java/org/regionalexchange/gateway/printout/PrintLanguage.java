package org.regionalexchange.gateway.printout;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;

/**
 * A language the printouts (National Reference Guide, referral slip) have labels in, with those
 * labels from the bundle {@code printout/labels_<lang>.properties}. An unknown language is refused
 * ({@code 400 invalid_parameter} on {@code lang}), never answered in another language.
 */
public final class PrintLanguage {

    /** The languages with a label bundle, in the order they are offered. */
    public static final List<String> SUPPORTED = List.of("en", "ru");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String code;
    private final ResourceBundle labels;

    private PrintLanguage(String code) {
        this.code = code;
        this.labels = ResourceBundle.getBundle("printout.labels", Locale.forLanguageTag(code), NO_FALLBACK);
    }

    /** The language {@code lang} (default English when absent). */
    public static PrintLanguage of(String lang) {
        String wanted = lang == null ? "en" : lang;
        if (!SUPPORTED.contains(wanted)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The printouts have no labels in that language.",
                    List.of(new FieldError("lang", "expected one of " + SUPPORTED)));
        }
        return new PrintLanguage(wanted);
    }

    public String code() {
        return code;
    }

    /** The label {@code key}; a missing label is a packaging fault of the node, not the caller's. */
    public String label(String key) {
        try {
            return labels.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no printout label '" + key + "' in language " + code, e);
        }
    }

    /** The label {@code key}, or {@code fallback} when the bundle has none (e.g. a code without a label). */
    public String labelOr(String key, String fallback) {
        return labels.containsKey(key) ? labels.getString(key) : fallback;
    }
}
