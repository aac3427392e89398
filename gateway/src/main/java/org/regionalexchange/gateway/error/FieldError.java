package org.regionalexchange.gateway.error;

/** One bad field of a request: a JSON-pointer-like path ({@code identity.dateOfBirth}) and why. */
public record FieldError(String field, String message) {
}
