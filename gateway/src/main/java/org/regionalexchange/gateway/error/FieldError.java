package org.regionalexchange.gateway.error;

/**
 * One bad field of a request: a JSON-pointer-like path ({@code identity.dateOfBirth}) and why.
 * Serializable: a console page refused shows it after a redirect (a flash attribute of the session).
 */
public record FieldError(String field, String message) implements java.io.Serializable {
}
