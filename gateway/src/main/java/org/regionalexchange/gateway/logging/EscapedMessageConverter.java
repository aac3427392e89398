package org.regionalexchange.gateway.logging;

import java.util.Set;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %m}, {@code %msg} and {@code %message} of the node's log pattern (logback-spring.xml): the
 * formatted message, its arguments included, with control characters escaped ({@link LogText}).
 * One report keeps its lines: Spring Boot's analysis of a failed start, which lists every
 * configuration problem on a line of its own and is made from the node's own files, not from
 * anything a caller sends.
 */
public class EscapedMessageConverter extends MessageConverter {

    private static final Set<String> MULTI_LINE_REPORTS = Set.of(
            "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter");

    @Override
    public String convert(ILoggingEvent event) {
        String message = super.convert(event);
        return MULTI_LINE_REPORTS.contains(event.getLoggerName()) ? LogText.escapeKeepingLines(message)
                : LogText.escape(message);
    }
}
