package org.regionalexchange.gateway.validation;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.json.JsonMapper;

/** Registers the {@link SchemaBody} resolver with Spring MVC. */
@Configuration(proxyBeanMethods = false)
class SchemaValidationConfiguration implements WebMvcConfigurer {

    private final JsonSchemas schemas;
    private final JsonMapper jsonMapper;
    private final ApiProperties properties;

    SchemaValidationConfiguration(JsonSchemas schemas, JsonMapper jsonMapper, ApiProperties properties) {
        this.schemas = schemas;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SchemaBodyArgumentResolver(schemas, jsonMapper, properties.maxBodyBytes()));
    }
}
