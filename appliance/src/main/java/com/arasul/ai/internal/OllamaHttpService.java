package com.arasul.ai.internal;

import static com.arasul.ai.internal.HttpFailures.human;

import com.arasul.ai.AvailableModel;
import com.arasul.ai.LoadedModel;
import com.arasul.ai.OllamaService;
import com.arasul.ai.OllamaStatus;
import com.arasul.ai.internal.OllamaWire.EmbedRequest;
import com.arasul.ai.internal.OllamaWire.GenerateRequest;
import com.arasul.ai.internal.OllamaWire.PsResponse;
import com.arasul.ai.internal.OllamaWire.TagsResponse;
import com.arasul.ai.internal.OllamaWire.VersionResponse;
import com.arasul.platform.ActionOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** An AI service reached through Ollama's HTTP API, with a short timeout for calls and a long one for loads. */
public final class OllamaHttpService implements OllamaService {

    private static final Logger log = LoggerFactory.getLogger(OllamaHttpService.class);

    private final OllamaEndpoint endpoint;
    private final RestClient quick;
    private final RestClient loading;
    private final AiProperties timeouts;

    public OllamaHttpService(OllamaEndpoint endpoint, RestClient quick, RestClient loading, AiProperties timeouts) {
        this.endpoint = endpoint;
        this.quick = quick;
        this.loading = loading;
        this.timeouts = timeouts;
    }

    @Override
    public String name() {
        return endpoint.name();
    }

    @Override
    public Optional<List<LoadedModel>> loadedModels() {
        Answer<PsResponse> ps = ask(quick, timeouts.readTimeout(), c -> c.get().uri("/api/ps").retrieve().body(PsResponse.class));
        return ps.failed() ? Optional.empty() : Optional.of(toLoaded(ps.value()));
    }

    @Override
    public ActionOutcome unloadAll() {
        return report("unload", ActionOutcome.timed(() -> {
            Answer<PsResponse> ps = ask(quick, timeouts.readTimeout(), c -> c.get().uri("/api/ps").retrieve().body(PsResponse.class));
            if (ps.failed()) {
                return ActionOutcome.failed(endpoint.name() + " could not list its loaded models: " + ps.problem(), Duration.ZERO);
            }
            List<String> models = toLoaded(ps.value()).stream().map(LoadedModel::name).toList();
            if (models.isEmpty()) {
                return ActionOutcome.succeeded(endpoint.name() + " had no model loaded", Duration.ZERO);
            }
            List<String> problems = new ArrayList<>();
            for (String model : models) {
                Answer<?> unload = ask(quick, timeouts.readTimeout(), c -> c.post().uri("/api/generate")
                        .body(GenerateRequest.unload(model)).retrieve().toBodilessEntity());
                if (unload.failed()) {
                    problems.add(model + " " + unload.problem());
                }
            }
            return problems.isEmpty()
                    ? ActionOutcome.succeeded(endpoint.name() + " unloaded " + String.join(", ", models), Duration.ZERO)
                    : ActionOutcome.failed(endpoint.name() + " unloaded " + (models.size() - problems.size()) + " of "
                            + models.size() + " models; " + String.join("; ", problems), Duration.ZERO);
        }));
    }

    @Override
    public ActionOutcome reloadDefaultModel() {
        String model = endpoint.defaultModel();
        if (model == null || model.isBlank()) {
            return ActionOutcome.failed(endpoint.name() + " has no default model configured to load", Duration.ZERO);
        }
        return report("load", ActionOutcome.timed(() -> {
            Answer<?> load = endpoint.embeddings()
                    ? ask(loading, timeouts.loadTimeout(), c -> c.post().uri("/api/embed")
                            .body(new EmbedRequest(model, "warm-up")).retrieve().toBodilessEntity())
                    : ask(loading, timeouts.loadTimeout(), c -> c.post().uri("/api/generate")
                            .body(GenerateRequest.load(model)).retrieve().toBodilessEntity());
            return load.failed()
                    ? ActionOutcome.failed(endpoint.name() + " could not load " + model + ": it " + load.problem(), Duration.ZERO)
                    : ActionOutcome.succeeded(endpoint.name() + " loaded " + model, Duration.ZERO);
        }));
    }

    @Override
    public ActionOutcome health() {
        return ActionOutcome.timed(() -> {
            Answer<VersionResponse> version = version();
            return version.failed()
                    ? ActionOutcome.failed(endpoint.name() + " at " + endpoint.where() + " " + version.problem(), Duration.ZERO)
                    : ActionOutcome.succeeded(endpoint.name() + " answers (Ollama " + version.value().version() + ")",
                            Duration.ZERO);
        });
    }

    @Override
    public OllamaStatus status() {
        Answer<VersionResponse> version = version();
        if (version.failed()) {
            return new OllamaStatus(endpoint.name(), false, null, List.of(), List.of(),
                    endpoint.name() + " at " + endpoint.where() + " " + version.problem());
        }
        Answer<TagsResponse> tags = ask(quick, timeouts.readTimeout(), c -> c.get().uri("/api/tags").retrieve().body(TagsResponse.class));
        Answer<PsResponse> ps = ask(quick, timeouts.readTimeout(), c -> c.get().uri("/api/ps").retrieve().body(PsResponse.class));
        String problem = tags.failed() ? "listing models " + tags.problem()
                : ps.failed() ? "listing loaded models " + ps.problem() : null;
        return new OllamaStatus(endpoint.name(), true, version.value().version(),
                tags.failed() ? List.of() : toAvailable(tags.value()),
                ps.failed() ? List.of() : toLoaded(ps.value()), problem);
    }

    private Answer<VersionResponse> version() {
        Answer<VersionResponse> version = ask(quick, timeouts.readTimeout(),
                c -> c.get().uri("/api/version").retrieve().body(VersionResponse.class));
        return version.failed() || version.value() != null ? version
                : new Answer<>(null, "answered without telling its version");
    }

    private <T> Answer<T> ask(RestClient client, Duration readTimeout, Function<RestClient, T> call) {
        long started = System.nanoTime();
        try {
            return new Answer<>(call.apply(client), null);
        } catch (RestClientException e) {
            log.debug("{} at {}: {}", endpoint.name(), endpoint.where(), e.getClass().getName());
            // a body that stalls past the read timeout surfaces as a cancelled subscription rather than
            // an HttpTimeoutException, depending on which side notices first: the clock decides
            boolean timedOut = Duration.ofNanos(System.nanoTime() - started).compareTo(readTimeout) >= 0;
            return new Answer<>(null, timedOut && !(e instanceof org.springframework.web.client.RestClientResponseException)
                    ? "did not answer within " + human(readTimeout)
                    : HttpFailures.describe(e, timeouts.connectTimeout(), readTimeout));
        }
    }

    private ActionOutcome report(String action, ActionOutcome outcome) {
        if (outcome.success()) {
            log.info("{} ({}): {} in {}", action, endpoint.where(), outcome.message(), human(outcome.duration()));
        } else {
            log.warn("{} ({}): {} after {}", action, endpoint.where(), outcome.message(), human(outcome.duration()));
        }
        return outcome;
    }

    private static List<LoadedModel> toLoaded(PsResponse ps) {
        if (ps == null || ps.models() == null) {
            return List.of();
        }
        return ps.models().stream().map(m -> new LoadedModel(m.model() != null ? m.model() : m.name(), m.size(),
                m.sizeVram(), m.expiresAt())).toList();
    }

    private static List<AvailableModel> toAvailable(TagsResponse tags) {
        if (tags == null || tags.models() == null) {
            return List.of();
        }
        return tags.models().stream().map(m -> new AvailableModel(m.name(), m.size(), m.modifiedAt(),
                m.details() == null ? null : m.details().parameterSize(),
                m.details() == null ? null : m.details().quantizationLevel())).toList();
    }

    /** A value, or why there is none. */
    private record Answer<T>(T value, String problem) {

        boolean failed() {
            return problem != null;
        }
    }
}
