package org.regionalexchange.gateway.logging;

import java.util.Locale;

/**
 * How a value is written into a line of the application log: every control character as an
 * escape ({@code \r}, {@code \n}, {@code \t}, {@code \u0000}) and the backslash doubled, so that
 * no value — a token's subject, a path, a database's message — can end a line, forge the next one
 * or hide part of one, and an escape in the log always means an escaped character.
 */
final class LogText {

    private LogText() {
    }

    static String escape(String text) {
        return escape(text, false);
    }

    /**
     * As {@link #escape(String)}, but line feeds and backslashes stay as they are: for a report that
     * the node itself writes over several lines (the start-up failure analysis), never for anything
     * a caller sends.
     */
    static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLineFeeds) {
        if (text == null || !needsEscape(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append(keepLineFeeds ? "\\" : "\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append(keepLineFeeds ? "\n" : "\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
