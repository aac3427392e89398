package org.regionalexchange.gateway.error;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes a throwable for the application log without its messages: exception messages can
 * carry personal data (a constraint violation quotes the offending value), so the log gets the
 * chain of exception types and the frame where each was thrown.
 */
public final class SafeThrowable {

    private SafeThrowable() {
    }

    public static String describe(Throwable throwable) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = throwable; t != null && parts.size() < 8; t = t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            parts.add(t.getClass().getName() + (frames.length > 0 ? " at " + frames[0] : ""));
        }
        return String.join(" <- ", parts);
    }
}
