package com.arasul.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kie.api.KieBase;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * How a {@link RuleSession} runs: its clock, queue size, the globals and initial facts every new
 * session gets, and which inserted facts are handed out (the way rules emit action requests).
 */
public record RuleSessionOptions(
        String name,
        RuleSession.ClockMode clockMode,
        Instant pseudoStart,
        int capacity,
        Duration idleFire,
        Map<String, Object> globals,
        List<Object> facts,
        List<Emitter<?>> emitters,
        List<SilenceWatch> silenceWatches,
        List<Class<?>> coalesced) {

    /**
     * Inserts {@code fact} when no fact of {@code type} has been submitted for {@code after} since
     * the last one, and again after each further {@code after} of silence, so rules can escalate a
     * silence that goes on; the next such fact ends it. Nothing is reported before the first.
     * A rule could say the same with {@code not Type( this after[ 1ms, 60s ] $last )}, but that
     * compares every new fact with every older one still in memory: fine at one sample a second,
     * quadratic under a burst.
     */
    public record SilenceWatch(Class<?> type, Duration after, Supplier<?> fact) {
    }

    /** Hands every fact of {@code type} that a rule inserts to {@code sink}, on the session thread. */
    public record Emitter<T>(Class<T> type, Consumer<? super T> sink) {

        RuleRuntimeEventListener listener(BooleanSupplier muted) {
            return new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (!muted.getAsBoolean() && type.isInstance(event.getObject())) {
                        sink.accept(type.cast(event.getObject()));
                    }
                }
            };
        }
    }

    public static final class Builder {

        private final String name;
        private RuleSession.ClockMode clockMode = RuleSession.ClockMode.REALTIME;
        private Instant pseudoStart = Instant.parse("2025-01-01T00:00:00Z");
        private int capacity = 10_000;
        private Duration idleFire = Duration.ofSeconds(1);
        private final Map<String, Object> globals = new HashMap<>();
        private final List<Object> facts = new ArrayList<>();
        private final List<Emitter<?>> emitters = new ArrayList<>();
        private final List<SilenceWatch> silenceWatches = new ArrayList<>();
        private final List<Class<?>> coalesced = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        /** A pseudo clock starting at {@code start}, moved only by {@link RuleSession#advanceTime}. */
        public Builder pseudoClock(Instant start) {
            this.clockMode = RuleSession.ClockMode.PSEUDO;
            this.pseudoStart = start;
            return this;
        }

        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be positive");
            }
            this.capacity = capacity;
            return this;
        }

        /** How often an idle session fires anyway, so time windows close on the real clock. */
        public Builder idleFire(Duration idleFire) {
            this.idleFire = idleFire;
            return this;
        }

        /** Set on every session whose rules declare a global of that name. */
        public Builder global(String name, Object value) {
            globals.put(name, value);
            return this;
        }

        /** Inserted into every new session before anything else (thresholds, configuration). */
        public Builder fact(Object fact) {
            facts.add(fact);
            return this;
        }

        public <T> Builder emit(Class<T> type, Consumer<? super T> sink) {
            emitters.add(new Emitter<>(type, sink));
            return this;
        }

        /** See {@link SilenceWatch}. */
        public Builder whenSilent(Class<?> type, Duration after, Supplier<?> fact) {
            if (after.isNegative() || after.isZero()) {
                throw new IllegalArgumentException("a silence lasts a positive time");
            }
            silenceWatches.add(new SilenceWatch(type, after, fact));
            return this;
        }

        /**
         * Of the facts of {@code type} that queued up together (a burst the session thread could not
         * keep up with), only the newest is inserted. For samples of a state such as the host's
         * metrics: it keeps the rules' work and memory bounded under a burst and changes nothing at
         * the normal rate, where no two samples ever wait together.
         */
        public Builder coalesce(Class<?> type) {
            coalesced.add(type);
            return this;
        }

        public RuleSession start(KieBase kieBase) {
            return start(CompletableFuture.completedFuture(kieBase));
        }

        /** Starts now; the session begins deciding once {@code kieBase} is there (queued facts wait). */
        public RuleSession start(CompletableFuture<KieBase> kieBase) {
            return new RuleSession(kieBase, new RuleSessionOptions(name, clockMode, pseudoStart, capacity, idleFire,
                    Map.copyOf(globals), List.copyOf(facts), List.copyOf(emitters), List.copyOf(silenceWatches),
                    List.copyOf(coalesced)));
        }
    }
}
