package com.arasul.system.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a configuration value that cannot be bound or is not valid into one sentence naming the
 * property, its value and what is wrong with it, e.g.
 * {@code Invalid configuration: arasul.retention.days = 0: must be at least 1 day}.
 * Registered in {@code META-INF/spring.factories}; it goes before Spring Boot's own analyzers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        BindValidationException validation = findCause(rootFailure, BindValidationException.class);
        String problems = validation != null ? describe(validation.getValidationErrors()) : describe(cause);
        return new InvalidConfiguration("Invalid configuration: " + problems, cause);
    }

    private static String describe(ValidationErrors errors) {
        return errors.getAllErrors().stream()
                .map(error -> describe(errors, error))
                .distinct()
                .collect(Collectors.joining("; "));
    }

    private static String describe(ValidationErrors errors, ObjectError error) {
        if (!(error instanceof FieldError field)) {
            return errors.getName() + ": " + error.getDefaultMessage();
        }
        String path = field.getField();
        // checks across values are @AssertTrue methods: isOrdered() judges its whole group,
        // isXxxSensible() the property xxx
        if (path.equals("ordered") || path.endsWith(".ordered")) {
            String group = path.equals("ordered") ? "" : "." + dashed(path.substring(0, path.length() - 8));
            return errors.getName() + group + ": " + error.getDefaultMessage();
        }
        boolean sensible = path.endsWith("Sensible");
        String name = errors.getName() + "." + dashed(sensible ? path.substring(0, path.length() - 8) : path);
        Optional<Object> value = boundValue(errors.getBoundProperties(), name)
                .or(() -> sensible ? Optional.empty() : Optional.ofNullable(field.getRejectedValue()));
        return name + value.map(v -> " = " + v).orElse("") + ": " + error.getDefaultMessage();
    }

    private static String describe(BindException bind) {
        ConfigurationProperty property = bind.getProperty();
        String name = bind.getName().toString();
        Object value = property != null ? property.getValue() : null;
        String type = bind.getTarget().getType().resolve(Object.class).getSimpleName();
        String why = "cannot be read as " + (type.equals("Duration") ? "a duration such as 30s or 5m"
                : type.equals("DataSize") ? "a size such as 10MB" : "a value of type " + type);
        return name + (value != null ? " = " + value : "") + ": " + why;
    }

    private static Optional<Object> boundValue(java.util.Set<ConfigurationProperty> bound, String name) {
        if (!ConfigurationPropertyName.isValid(name)) {
            return Optional.empty();
        }
        ConfigurationPropertyName wanted = ConfigurationPropertyName.of(name);
        return bound.stream().filter(p -> p.getName().equals(wanted)).map(ConfigurationProperty::getValue)
                .filter(Objects::nonNull).findFirst();
    }

    /** {@code db.maxPoolSize} → {@code db.max-pool-size}. */
    private static String dashed(String field) {
        return List.of(field.split("\\.")).stream().map(DataObjectPropertyName::toDashedForm)
                .collect(Collectors.joining("."));
    }

    /** A failure analysis of ours, which {@link SingleLineFailureAnalysisReporter} prints as one line. */
    static final class InvalidConfiguration extends FailureAnalysis {

        InvalidConfiguration(String description, Throwable cause) {
            super(description, "Correct the property and start again.", cause);
        }
    }
}
