package com.arasul.platform.internal;

import com.arasul.platform.OpenAiError;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document says what the API does when it refuses: every operation lists its 4xx
 * answers with the one {@code ApiError} schema ({@code OpenAiError} on the OpenAI-compatible routes), and has a summary (from {@code @Operation} where a
 * controller gives one, otherwise made from the handler method's name).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiErrors {

    static final String SCHEMA = "ApiError";
    static final String REF = "#/components/schemas/" + SCHEMA;
    static final String OPENAI_SCHEMA = "OpenAiError";
    static final String OPENAI_REF = "#/components/schemas/" + OPENAI_SCHEMA;

    private static final Map<String, String> REFUSALS = Map.of(
            "400", "the request is malformed or a value is out of range",
            "401", "no valid bearer token (or stream ticket)",
            "403", "the token may not do this",
            "404", "there is nothing at this address",
            "406", "the Accept header allows no form this operation answers in",
            "429", "too many requests; see Retry-After");

    @Bean
    OperationCustomizer summaries() {
        return (operation, handler) -> {
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                operation.setSummary(sentence(handler.getMethod().getName()));
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer errorResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(SCHEMA, schema()).addSchemas(OPENAI_SCHEMA, openAiSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation ->
                    addRefusals(operation, OpenAiError.covers(path) ? OPENAI_REF : REF)));
        };
    }

    private static void addRefusals(Operation operation, String ref) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        REFUSALS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(refusal -> {
            ApiResponse existing = operation.getResponses().get(refusal.getKey());
            if (existing == null || existing.getContent() == null || existing.getContent().isEmpty()) {
                operation.getResponses().addApiResponse(refusal.getKey(), new ApiResponse()
                        .description(existing != null && existing.getDescription() != null
                                ? existing.getDescription() : refusal.getValue())
                        .content(new Content().addMediaType("application/json",
                                new MediaType().schema(new Schema<>().$ref(ref)))));
            }
        });
    }

    @SuppressWarnings("rawtypes")
    private static Schema schema() {
        return new ObjectSchema()
                .description("every error of the API: a sentence for a person, never a stack trace")
                .required(List.of("timestamp", "status", "error", "message", "path"))
                .addProperty("timestamp", new DateTimeSchema())
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("error", new StringSchema().example("Bad Request"))
                .addProperty("message", new StringSchema().example("the parameter 'lines' must be a number in range"))
                .addProperty("path", new StringSchema().example("/api/logs"));
    }

    @SuppressWarnings("rawtypes")
    private static Schema openAiSchema() {
        return new ObjectSchema()
                .description("an error of the OpenAI-compatible routes (/v1/), in the shape OpenAI's clients read")
                .required(List.of("error"))
                .addProperty("error", new ObjectSchema().required(List.of("message", "type", "param", "code"))
                        .addProperty("message", new StringSchema().example("the model 'x' is not on the box"))
                        .addProperty("type", new StringSchema().example("invalid_request_error"))
                        .addProperty("param", new StringSchema().nullable(true))
                        .addProperty("code", new StringSchema().example("model_not_found")));
    }

    /** {@code changePassword} → "Change password". */
    static String sentence(String methodName) {
        String words = methodName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
