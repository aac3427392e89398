package org.regionalexchange.gateway.error;

/** A policy reason carried by a problem (e.g. a request refused before sending): code and message. */
public record ProblemReason(String code, String message) {
}
