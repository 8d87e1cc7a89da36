package com.arasul.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.drools.core.time.TimerService;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful rule session that only one thread ever touches: every insert, clock step and rule base
 * swap is a command in a bounded queue worked off by the session's own thread. The thread takes
 * whatever has queued up, inserts it all and then fires the rules once, so a burst costs one firing,
 * not one per fact; a {@link #call} fires before its caller resumes. When the queue is full,
 * {@link #submit} refuses the fact and counts it; the caller decides whether that matters (a metric
 * sample is followed by the next one a second later).
 */
public final class RuleSession implements AutoCloseable {

    /** Production runs on the wall clock; tests move a pseudo clock by hand. */
    public enum ClockMode { REALTIME, PSEUDO }

    private static final Logger log = LoggerFactory.getLogger(RuleSession.class);
    private static final Object STOP = new Object();
    /** Commands worked off before the rules fire: a burst of samples costs one firing per batch. */
    private static final int BATCH = 1024;

    private final RuleSessionOptions options;
    private final BlockingQueue<Object> commands;
    private final Thread worker;
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong coalesced = new AtomicLong();
    // touched only by the worker thread
    private final Map<Object, FactHandle> upserted = new LinkedHashMap<>();
    private final Map<Object, Object> upsertedFacts = new HashMap<>();
    private final SilenceWatches silences;
    private final FiringLimit limit;
    private final CompletableFuture<KieBase> firstRules;
    private volatile Throwable noRules;
    private KieSession session;
    private boolean muted;

    /**
     * Starts the session's thread at once; the session itself is made on that thread as soon as its
     * first rule base is there. What is submitted before waits in the queue, in order.
     */
    RuleSession(CompletableFuture<KieBase> firstRules, RuleSessionOptions options) {
        this.options = options;
        this.commands = new ArrayBlockingQueue<>(options.capacity());
        this.silences = new SilenceWatches(options.silenceWatches());
        this.limit = new FiringLimit(options.name());
        this.firstRules = firstRules;
        this.worker = Thread.ofPlatform().name("rules-" + options.name()).daemon().unstarted(this::work);
        this.worker.start();
    }

    public static RuleSessionOptions.Builder builder(String name) {
        return new RuleSessionOptions.Builder(name);
    }

    /** Inserts a fact; {@code false} when the queue is full and the fact was dropped. */
    public boolean submit(Object fact) {
        boolean accepted = noRules == null && commands.offer(new Insert(fact));
        if (!accepted) {
            rejected.incrementAndGet();
        }
        return accepted;
    }

    /**
     * Keeps one fact per key (the state of a container, the Docker engine): inserts it the first
     * time, updates it when it changed, leaves the session alone when it is equal to the last one.
     */
    public CompletableFuture<Void> upsert(Object key, Object fact) {
        return call(s -> {
            Object previous = upsertedFacts.put(key, fact);
            FactHandle handle = upserted.get(key);
            if (handle == null) {
                upserted.put(key, s.insert(fact));
            } else if (!fact.equals(previous)) {
                // delete and insert rather than update: records have no setters for property reactivity to see
                s.delete(handle);
                upserted.put(key, s.insert(fact));
            }
            return null;
        });
    }

    /**
     * Moves the pseudo clock on, firing whatever becomes due at the time it becomes due. Only for
     * {@link ClockMode#PSEUDO}.
     * <p>
     * Drools runs a due timer while its pseudo clock moves, but the rule that timer enables
     * (a {@code timer}, or a {@code not ... after[..]} such as "telemetry silent for 60 s") fires
     * only at the next {@code fireAllRules}. In one long jump that rule would fire at the end of the
     * jump, and every event it inserts would carry that late time and outlive the jump by its whole
     * {@code @expires}. So the clock moves from one due timer to the next and the rules fire at each,
     * as they do on the real clock (there within {@code idleFire}).
     */
    public CompletableFuture<Void> advanceTime(Duration step) {
        if (options.clockMode() != ClockMode.PSEUDO) {
            throw new IllegalStateException("the session runs on the real clock");
        }
        return call(s -> {
            SessionPseudoClock clock = s.getSessionClock();
            long target = clock.getCurrentTime() + step.toMillis();
            long now = clock.getCurrentTime();
            while (now < target) {
                long next = clock instanceof TimerService timers ? timers.getTimeToNextJob() : -1;
                long to = Math.min(next < 0 ? target : Math.min(target, now + Math.max(next, 1)), silences.next(now));
                clock.advanceTime(to - now, TimeUnit.MILLISECONDS);
                fireWithSilences(s);
                now = to;
            }
            return null;
        });
    }

    /** Runs a function on the session thread and fires the rules; completes when both are done. */
    public <T> CompletableFuture<T> call(Function<KieSession, T> function) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Call command = new Call(s -> {
            try {
                T value = function.apply(s);
                // so that a caller who waits sees what its command set off; on the new session after a swap
                limit.fire(session);
                result.complete(value);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                throw e;
            }
        }, result);
        if (noRules != null) {
            result.completeExceptionally(noRulesFailure());
            return result;
        }
        try {
            if (!commands.offer(command, 5, TimeUnit.SECONDS)) {
                result.completeExceptionally(new IllegalStateException("rule session " + options.name() + " is busy"));
            } else if (noRules != null) {
                failQueued(); // the session gave up between the check above and the offer
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        }
        return result;
    }

    /**
     * Bounds every firing from now on: at most {@code maxFirings} firings and {@code budget} of time
     * per cycle. Rules that exceed it, or whose consequence throws, are reported to {@code onRunaway}
     * once per rule base (on the session's thread; it must not wait for the session); the session
     * goes on with the same bound until it is swapped to other rules.
     */
    public void limitFiring(int maxFirings, Duration budget, Consumer<RuleRunaway> onRunaway) {
        limit.set(maxFirings, budget, onRunaway);
    }

    /** Waits until every command queued before has been worked off. */
    public void flush() {
        call(s -> null).join();
    }

    /**
     * Continues on a new rule base: the kept state facts and the initial facts move over, the
     * event history does not (windows start empty), and nothing moving over is emitted again.
     */
    public CompletableFuture<Void> swap(KieBase kieBase) {
        return call(old -> {
            KieSession next = newSession(kieBase, old.getSessionClock().getCurrentTime());
            muted = true;
            try {
                upserted.replaceAll((key, handle) -> next.insert(upsertedFacts.get(key)));
            } finally {
                muted = false;
            }
            session = next;
            old.dispose();
            return null;
        });
    }

    /** The session clock in epoch milliseconds (pseudo time starts where the options say). */
    public long now() {
        return call(s -> s.getSessionClock().getCurrentTime()).join();
    }

    /** Facts of a coalesced type that were not inserted because a newer one was queued with them. */
    public long coalesced() {
        return coalesced.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** Commands that threw, most likely a rule consequence. */
    public long failures() {
        return failures.get();
    }

    public int queued() {
        return commands.size();
    }

    @Override
    public void close() {
        commands.clear();
        commands.offer(STOP);
        if (!firstRules.isDone()) {
            worker.interrupt(); // still waiting for its first rules
        }
        try {
            worker.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Completes once the session has its first rule base, or fails when it never got one. */
    public CompletableFuture<Void> started() {
        return firstRules.thenApply(kieBase -> null);
    }

    private void work() {
        try {
            session = newSession(firstRules.get(), 0);
        } catch (InterruptedException e) {
            return;
        } catch (ExecutionException | RuntimeException e) {
            noRules = e instanceof ExecutionException ? e.getCause() : e;
            log.error("rule session {} has no rules and decides nothing: {}", options.name(), noRules.toString());
            failQueued();
            return;
        }
        List<Object> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                Object first = commands.poll(options.idleFire().toMillis(), TimeUnit.MILLISECONDS);
                batch.clear();
                if (first != null) {
                    batch.add(first);
                    commands.drainTo(batch, BATCH - 1);
                }
                boolean[] superseded = supersededInserts(batch);
                for (int i = 0; i < batch.size(); i++) {
                    Object command = batch.get(i);
                    if (command == STOP) {
                        session.dispose();
                        return;
                    }
                    if (command instanceof Insert insert) {
                        if (superseded[i]) {
                            coalesced.incrementAndGet();
                        } else {
                            run(s -> {
                                s.insert(insert.fact());
                                silences.seen(insert.fact(), s.getSessionClock().getCurrentTime());
                            });
                        }
                    } else if (command instanceof Call call) {
                        run(call.command());
                    }
                }
                // on the real clock, windows and timers come due without any new fact: fire anyway
                run(this::fireWithSilences);
            }
        } catch (InterruptedException e) {
            session.dispose();
        }
    }

    /**
     * Marks the inserts of a coalesced type that a later insert of the same type in this batch
     * makes redundant: they were queued within the same moment and the newest one stands for them.
     * Any other command between two inserts (a clock step, a call) is a barrier: a sample queued
     * before a pseudo clock step belongs to an earlier time than the one after it, and dropping it
     * would open a gap in the timeline that the rules would see as a silence.
     */
    private boolean[] supersededInserts(List<Object> batch) {
        boolean[] superseded = new boolean[batch.size()];
        if (options.coalesced().isEmpty()) {
            return superseded;
        }
        Set<Class<?>> later = new HashSet<>();
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (!(batch.get(i) instanceof Insert insert)) {
                later.clear();
                continue;
            }
            for (Class<?> type : options.coalesced()) {
                if (type.isInstance(insert.fact())) {
                    superseded[i] = !later.add(type);
                }
            }
        }
        return superseded;
    }

    private void fireWithSilences(KieSession s) {
        limit.fire(s);
        if (silences.report(s)) {
            limit.fire(s);
        }
    }

    private void run(Consumer<KieSession> command) {
        try {
            command.accept(session);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            log.warn("rule session {}: a command failed: {}", options.name(), e.toString());
        }
    }

    /** Whatever was queued for a session that never got rules: calls fail, facts are dropped. */
    private void failQueued() {
        Object command;
        while ((command = commands.poll()) != null) {
            if (command instanceof Call call) {
                call.result().completeExceptionally(noRulesFailure());
            } else if (command instanceof Insert) {
                rejected.incrementAndGet();
            }
        }
    }

    private IllegalStateException noRulesFailure() {
        return new IllegalStateException("rule session " + options.name() + " has no rules: " + noRules, noRules);
    }

    private record Insert(Object fact) {
    }

    private record Call(Consumer<KieSession> command, CompletableFuture<?> result) {
    }

    private KieSession newSession(KieBase kieBase, long pseudoStart) {
        KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(options.clockMode() == ClockMode.PSEUDO ? ClockTypeOption.PSEUDO : ClockTypeOption.REALTIME);
        KieSession created = kieBase.newKieSession(conf, null);
        if (options.clockMode() == ClockMode.PSEUDO) {
            long start = pseudoStart > 0 ? pseudoStart : options.pseudoStart().toEpochMilli();
            ((SessionPseudoClock) created.getSessionClock()).advanceTime(start, TimeUnit.MILLISECONDS);
        }
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Global global : pkg.getGlobalVariables()) {
                Object value = options.globals().get(global.getName());
                if (value != null) {
                    created.setGlobal(global.getName(), value);
                }
            }
        }
        options.emitters().forEach(emitter -> created.addEventListener(emitter.listener(() -> muted)));
        muted = true;
        try {
            options.facts().forEach(created::insert);
        } finally {
            muted = false;
        }
        return created;
    }
}
