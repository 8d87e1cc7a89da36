package com.arasul.security.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the OpenAPI document (and Swagger UI's "Authorize") that the API takes bearer JWTs. */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

    static final String SCHEME = "bearer-jwt";
    private static final List<String> PUBLIC_PATHS = List.of("/api/auth/login", "/api/health");

    @Bean
    OpenApiCustomizer bearerJwtSecurity() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("a token from POST /api/auth/login"));
            openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            if (openApi.getPaths() != null) {
                PUBLIC_PATHS.stream().map(openApi.getPaths()::get).filter(java.util.Objects::nonNull)
                        .flatMap(path -> path.readOperations().stream())
                        .forEach(operation -> operation.setSecurity(List.of()));
            }
        };
    }
}
