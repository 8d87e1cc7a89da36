package com.arasul.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.arasul.telemetry.LiveMetrics;
import com.arasul.telemetry.MetricSample;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/** {@code /api/health} is public and says whether the database answers and sampling is fresh. */
@FastTelemetryTest
class HealthApiTests {

    @LocalServerPort
    int port;

    @Autowired
    LiveMetrics live;

    @Test
    void answersHealthyWithoutATokenOnceSamplingRuns() {
        await().atMost(Duration.ofSeconds(10)).until(() -> live.latest().isPresent());
        ApiClient api = new ApiClient(port);
        HttpResponse<String> response = api.get("/api/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = api.parse(response.body());
        assertThat(body.get("status").asString()).isEqualTo("up");
        assertThat(body.get("database").asString()).isEqualTo("up");
        assertThat(body.get("sampling").asString()).isEqualTo("ok");
        assertThat(Instant.parse(body.get("last_sample_at").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(body.get("timestamp").asString()).isNotBlank();
    }

    @Test
    void refusesLiveMetricsWithoutAToken() {
        assertThat(new ApiClient(port).get("/api/metrics/live").statusCode()).isEqualTo(401);
    }

    @Test
    void answersUnhealthyWhileTheDatabaseIsAwayAndNoSampleWasTaken() {
        // a database that refuses connections at once: a port nothing listens on
        var refused = new DriverManagerDataSource("jdbc:postgresql://localhost:1/postgres?connectTimeout=1", "x", "x");
        var controller = new HealthController(new DatabaseCheck(new JdbcTemplate(refused)), new LiveSnapshot(),
                TelemetryPropertiesFixture.with(TelemetryProperties.GpuMode.NONE, null, null));
        var response = controller.health();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getBody().database()).isEqualTo("down");
        assertThat(response.getBody().sampling()).isEqualTo("stale");
        assertThat(response.getBody().lastSampleAt()).isNull();
    }

    @Test
    void reportsSamplingStaleWhenTheNewestSampleIsOld() {
        LiveSnapshot old = new LiveSnapshot();
        old.update(new MetricSample(Instant.now().minusSeconds(60), Map.of()));
        var properties = TelemetryPropertiesFixture.with(TelemetryProperties.GpuMode.NONE, null, null);
        var refused = new DriverManagerDataSource("jdbc:postgresql://localhost:1/postgres?connectTimeout=1", "x", "x");
        var response = new HealthController(new DatabaseCheck(new JdbcTemplate(refused)), old, properties).health();
        assertThat(response.getBody().sampling()).isEqualTo("stale");
    }

    @Test
    void answersServiceUnavailableForLiveMetricsBeforeTheFirstSample() {
        var controller = new MetricsController(new LiveSnapshot(), null);
        assertThatThrownBy(controller::live).isInstanceOfSatisfying(ResponseStatusException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }
}
