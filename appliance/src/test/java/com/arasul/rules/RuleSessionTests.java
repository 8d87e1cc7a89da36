package com.arasul.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/** How a rule session runs rules that wait for something not to happen, on both clocks. */
class RuleSessionTests {

    // a ping that is not followed by another within 500 ms is a silence, which is remembered for 1 s
    private static final String SILENCE = """
            package demo;
            declare Ping @role(event) @expires(2s) end
            declare Silence @role(event) @expires(1s) end
            rule "a string is a ping"
            when $s : String() then delete( $s ); insert( new Ping() );
            end
            rule "a ping without a successor is a silence"
            when
                $p : Ping()
                not Ping( this after[ 1ms, 500ms ] $p )
            then
                insert( new Silence() );
            end
            """;

    private final KieBase kieBase = compile();
    private final List<Long> silences = new CopyOnWriteArrayList<>();

    @Test
    void firesADelayedRuleAtItsTimeWithinOneLongPseudoClockStep() {
        try (RuleSession session = RuleSession.builder("pseudo").pseudoClock(Instant.parse("2025-01-01T00:00:00Z"))
                .start(kieBase)) {
            session.submit("ping");
            session.flush();
            long pinged = session.now();

            session.advanceTime(Duration.ofMinutes(30)).join();

            // fired at 500 ms, so what it inserted expired 1 s later, long before the step ended
            assertThat(session.now() - pinged).isEqualTo(Duration.ofMinutes(30).toMillis());
            assertThat(session.call(s -> s.getFactCount()).join()).isZero();
        }
    }

    @Test
    void letsWhatADelayedRuleInsertedExpireOnTheRealClock() {
        try (RuleSession session = RuleSession.builder("real").idleFire(Duration.ofMillis(50))
                .emit(Object.class, o -> {
                    if (o.getClass().getSimpleName().equals("Silence")) {
                        silences.add(System.nanoTime());
                    }
                }).start(kieBase)) {
            long start = System.nanoTime();
            session.submit("ping");

            await().atMost(Duration.ofSeconds(3)).until(() -> !silences.isEmpty());
            await().atMost(Duration.ofSeconds(5)).until(() -> session.call(s -> s.getFactCount()).join() == 0);

            assertThat(Duration.ofNanos(silences.getLast() - start)).isBetween(Duration.ofMillis(450),
                    Duration.ofMillis(1500));
        }
    }

    @Test
    void insertsOnlyTheNewestOfACoalescedTypeThatQueuedUpTogether() throws Exception {
        try (RuleSession session = RuleSession.builder("burst").pseudoClock(Instant.parse("2025-01-01T00:00:00Z"))
                .coalesce(String.class).start(kieBase)) {
            CountDownLatch hold = new CountDownLatch(1);
            CompletableFuture<Boolean> busy = holdWorker(session, hold);
            session.submit("one");
            session.submit("two");
            session.submit("three");
            hold.countDown();
            busy.join();
            session.flush();

            assertThat(session.coalesced()).isEqualTo(2);
            assertThat(session.call(s -> s.getObjects(o -> o.getClass().getSimpleName().equals("Ping")).size()).join())
                    .isEqualTo(1);
        }
    }

    @Test
    void neverCoalescesInsertsThatAClockStepQueuedBetweenSeparates() {
        try (RuleSession session = RuleSession.builder("steps").pseudoClock(Instant.parse("2025-01-01T00:00:00Z"))
                .coalesce(String.class).start(kieBase)) {
            CountDownLatch hold = new CountDownLatch(1);
            CompletableFuture<Boolean> busy = holdWorker(session, hold);
            session.submit("one");
            session.advanceTime(Duration.ofMillis(200));
            session.submit("two");
            session.advanceTime(Duration.ofMillis(200));
            session.submit("three");
            hold.countDown();
            busy.join();
            session.flush();

            // each ping followed the last within 500 ms, so none was a silence and none was dropped
            assertThat(session.coalesced()).isZero();
            assertThat(session.call(s -> s.getObjects(o -> o.getClass().getSimpleName().equals("Ping")).size()).join())
                    .isEqualTo(3);
        }
    }

    @Test
    void keepsWhatArrivesBeforeItsFirstRulesAndDecidesOnceTheyAreThere() {
        CompletableFuture<KieBase> later = new CompletableFuture<>();
        try (RuleSession session = RuleSession.builder("later").pseudoClock(Instant.parse("2025-01-01T00:00:00Z"))
                .start(later)) {
            session.submit("ping");
            CompletableFuture<Object> fired = session.call(s -> null);
            assertThat(fired).isNotDone();

            later.complete(kieBase);

            fired.join();
            assertThat(session.call(s -> s.getObjects(o -> o.getClass().getSimpleName().equals("Ping")).size()).join())
                    .isEqualTo(1);
            assertThat(session.started()).isCompleted();
        }
    }

    @Test
    void failsItsCallsAndRefusesFactsWhenItsRulesNeverCome() {
        CompletableFuture<KieBase> never = new CompletableFuture<>();
        try (RuleSession session = RuleSession.builder("never").start(never)) {
            CompletableFuture<Object> queued = session.call(s -> null);

            never.completeExceptionally(new IllegalStateException("does not compile"));

            assertThatThrownBy(queued::join).hasRootCauseMessage("does not compile");
            assertThatThrownBy(() -> session.call(s -> null).join()).hasMessageContaining("has no rules");
            assertThat(session.submit("ping")).isFalse();
        }
    }

    /**
     * Keeps the session's thread busy until {@code hold} opens, so what is queued meanwhile is one
     * batch; returns once the thread is inside the busy command (its batch was taken before).
     */
    private static CompletableFuture<Boolean> holdWorker(RuleSession session, CountDownLatch hold) {
        CountDownLatch entered = new CountDownLatch(1);
        CompletableFuture<Boolean> busy = session.call(s -> {
            entered.countDown();
            try {
                return hold.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertThat(entered.await(5, TimeUnit.SECONDS)).as("the session's thread took the busy command").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return busy;
    }

    private static KieBase compile() {
        RuleBuild build = new RuleCompiler(Clock.systemUTC()).compile(Map.of("demo/silence.drl", SILENCE));
        assertThat(build.errors()).isEmpty();
        return build.kieBase();
    }
}
