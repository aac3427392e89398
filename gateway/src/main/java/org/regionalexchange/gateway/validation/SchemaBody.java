package org.regionalexchange.gateway.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller parameter as the request body, validated against the named JSON Schema of the
 * {@code schemas} module before it is bound (docs/openapi.yaml: every request body is validated
 * against its JSON Schema before anything else runs).
 *
 * <pre>{@code ResponseEntity<?> create(@SchemaBody("record") RecordBody body)}</pre>
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface SchemaBody {

    /** Schema name under {@code schemas/v1/}, without {@code .json}, e.g. {@code "record"}. */
    String value();
}
