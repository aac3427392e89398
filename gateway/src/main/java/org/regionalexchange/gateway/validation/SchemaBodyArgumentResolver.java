package org.regionalexchange.gateway.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves {@link SchemaBody} parameters: reads at most {@code gateway.api.max-body-bytes}, parses
 * strictly (duplicate keys, trailing content and invalid UTF-8 are malformed), validates against
 * the schema, and only then binds to the parameter type. Each failure is a 400 with a stable code.
 */
class SchemaBodyArgumentResolver implements HandlerMethodArgumentResolver {

    private final JsonSchemas schemas;
    private final JsonMapper strictMapper;
    private final JsonMapper bindingMapper;
    private final int maxBodyBytes;

    SchemaBodyArgumentResolver(JsonSchemas schemas, JsonMapper jsonMapper, int maxBodyBytes) {
        this.schemas = schemas;
        this.bindingMapper = jsonMapper;
        this.strictMapper = jsonMapper.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(SchemaBody.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws IOException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        requireJson(request);
        byte[] body = readLimited(request);
        JsonNode document = parse(body);
        String schemaName = parameter.getParameterAnnotation(SchemaBody.class).value();
        var errors = schemas.validate(schemaName, document);
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION,
                    errors.size() + " field(s) of the body do not match schema '" + schemaName + "'.", errors);
        }
        if (parameter.getParameterType() == JsonNode.class) {
            return document;
        }
        try {
            return bindingMapper.treeToValue(document, parameter.getParameterType());
        } catch (JacksonException e) {
            // The schema accepted what the binding type cannot hold: the schema is too loose.
            throw new ApiException(ErrorCode.SCHEMA_VIOLATION, "The body could not be bound to its type.",
                    List.of());
        }
    }

    private static void requireJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
        }
        MediaType mediaType;
        try {
            mediaType = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
        }
        if (!MediaType.APPLICATION_JSON.isCompatibleWith(mediaType)) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
        }
    }

    private byte[] readLimited(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            if (body.length == 0) {
                throw new ApiException(ErrorCode.MALFORMED_BODY, "The request body is empty.");
            }
            return body;
        }
    }

    private ApiException tooLarge() {
        return new ApiException(ErrorCode.BODY_TOO_LARGE, "The request body exceeds " + maxBodyBytes + " bytes.");
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = strictMapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(ErrorCode.MALFORMED_BODY, "The request body is empty.");
            }
            return node;
        } catch (JacksonException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new ApiException(ErrorCode.MALFORMED_BODY, "The request body is not well-formed JSON" + where + ".");
        }
    }
}
