package com.arasul.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.arasul.system.internal.InvalidConfigurationFailureAnalyzer;
import com.arasul.system.internal.RetentionProperties;
import jakarta.validation.Validation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Each bad value becomes one sentence naming the property, its value and what is wrong. */
class InvalidConfigurationTests {

    private final InvalidConfigurationFailureAnalyzer analyzer = new InvalidConfigurationFailureAnalyzer();

    private String reportFor(String prefix, Class<?> type, Map<String, String> values) {
        var validator = new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
        Throwable failure = catchThrowable(() -> new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate(prefix, Bindable.of(type), new ValidationBindHandler(validator)));
        assertThat(failure).as("binding must fail").isNotNull();
        return analyzer.analyze(new IllegalStateException("context failed", failure)).getDescription();
    }

    @Test
    void namesAValueBelowItsMinimum() {
        assertThat(reportFor("arasul.retention", RetentionProperties.class, Map.of("arasul.retention.days", "0")))
                .isEqualTo("Invalid configuration: arasul.retention.days = 0: must be at least 1 day");
    }

    @Test
    void namesAValueThatCannotBeRead() {
        assertThat(reportFor("arasul.retention", RetentionProperties.class, Map.of("arasul.retention.interval", "abc")))
                .isEqualTo("Invalid configuration: arasul.retention.interval = abc: cannot be read as a duration"
                        + " such as 30s or 5m");
    }

    @Test
    void namesADurationOutsideItsRangeAsWritten() {
        assertThat(reportFor("arasul.system", SystemProperties.class,
                Map.of("arasul.system.connectivity-timeout", "-1s")))
                .isEqualTo("Invalid configuration: arasul.system.connectivity-timeout = -1s: must be between 100ms and 10s");
    }

    @Test
    void namesTheGroupWhenValuesContradictEachOther() {
        assertThat(reportFor("arasul.system", SystemProperties.class,
                Map.of("arasul.system.thresholds.disk.warn", "99")))
                .isEqualTo("Invalid configuration: arasul.system.thresholds.disk: must rise:"
                        + " warn <= cleanup <= critical <= reboot");
    }

    @Test
    void namesATargetThatIsNotHostAndPort() {
        assertThat(reportFor("arasul.system", SystemProperties.class,
                Map.of("arasul.system.connectivity-targets[0]", "example")))
                .isEqualTo("Invalid configuration: arasul.system.connectivity-targets[0] = example: must be host:port");
    }

    @Test
    void putsSeveralProblemsOnOneLine() {
        String report = reportFor("arasul.retention", RetentionProperties.class,
                Map.of("arasul.retention.days", "0", "arasul.retention.batch-size", "1"));
        assertThat(report).doesNotContain("\n").contains("arasul.retention.days = 0").contains("arasul.retention.batch-size = 1");
    }
}
