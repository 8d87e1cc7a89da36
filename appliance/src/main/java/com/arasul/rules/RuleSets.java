package com.arasul.rules;

import com.arasul.rules.internal.RulePaths;
import com.arasul.rules.internal.ShippedRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The named rule sets, one per sub-folder of the rules folder ({@code healing} now, {@code updates}
 * later). Another capability takes the rule set of its folder with {@link #get(String)}, starts on
 * its active rule base, and listens for {@link RuleSetActivated} to swap when it changes.
 * <p>
 * On creation the shipped rules are installed where their folder has none yet, and every rule set is
 * compiled; one whose folder does not compile runs the shipped rules until it is fixed.
 */
public final class RuleSets {

    private final Path root;
    private final RuleCompiler compiler;
    private final ShippedRules shipped;
    private final ApplicationEventPublisher events;
    private final Map<String, RuleSet> sets = new ConcurrentSkipListMap<>();
    private final CompletableFuture<RuleSets> ready;

    /** Compiles every rule set before it returns. */
    public RuleSets(Path root, RuleCompiler compiler, ShippedRules shipped, ApplicationEventPublisher events) {
        this(root, compiler, shipped, events, Runnable::run);
    }

    /**
     * Installs the shipped rules and has every rule set compiled by {@code compiling}; each method
     * that needs the rule sets waits for that first build ({@link #ready()} tells when it is done).
     * The application starts its other parts meanwhile: the first build takes seconds.
     */
    public RuleSets(Path root, RuleCompiler compiler, ShippedRules shipped, ApplicationEventPublisher events,
            Executor compiling) {
        this.root = root.toAbsolutePath().normalize();
        this.compiler = compiler;
        this.shipped = shipped;
        this.events = events;
        shipped.installInto(this.root);
        this.ready = CompletableFuture.supplyAsync(this::compileAll, compiling);
    }

    /** Completes when every rule set has had its first build. */
    public CompletableFuture<RuleSets> ready() {
        return ready;
    }

    private RuleSets compileAll() {
        for (String name : folders()) {
            RuleSet set = new RuleSet(name, this.root, compiler);
            if (!set.reload().ok() && !shipped.sources(name).isEmpty()) {
                set.fallBackTo(compiler.compile(shipped.sources(name)));
            }
            sets.put(name, publishing(set));
        }
        return this;
    }

    private void awaitFirstBuild() {
        try {
            ready.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The rules folder. */
    public Path root() {
        return root;
    }

    public Optional<RuleSet> find(String name) {
        awaitFirstBuild();
        return Optional.ofNullable(sets.get(name));
    }

    /** The rule set of a folder; there is one for every valid folder name that had rules at start or since. */
    public RuleSet get(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("no rule set " + name));
    }

    public List<RuleSet> all() {
        awaitFirstBuild();
        return List.copyOf(sets.values());
    }

    /** The rule set a changed file belongs to: the first folder of its path below the rules folder. */
    Optional<String> ruleSetOf(Path file) {
        Path relative = root.relativize(file.toAbsolutePath().normalize());
        if (relative.startsWith("..") || relative.getNameCount() < 2) {
            return Optional.empty();
        }
        String name = relative.getName(0).toString();
        return RulePaths.isRuleSetName(name) ? Optional.of(name) : Optional.empty();
    }

    /** Compiles the rule set of a changed file unless nothing changed since its last build. */
    Optional<RuleBuild> changed(Path file) {
        return ruleSetOf(file).flatMap(this::recompile);
    }

    /** The rule sets whose files changed since their last build and have settled; new folders too. */
    List<String> changedAndSettled(Duration settle) {
        awaitFirstBuild();
        Instant now = Instant.now();
        return folders().stream()
                .filter(name -> sets.containsKey(name) ? sets.get(name).changedAndSettled(settle, now) : hasFiles(name))
                .toList();
    }

    /**
     * Compiles a rule set unless its files are as they were at its last build; a folder that has
     * rules for the first time becomes a rule set, and its first activation is published too.
     */
    Optional<RuleBuild> recompile(String name) {
        awaitFirstBuild();
        if (!sets.containsKey(name) && !hasFiles(name)) {
            return Optional.empty();
        }
        return sets.computeIfAbsent(name, n -> publishing(new RuleSet(n, root, compiler))).reloadIfChanged();
    }

    private RuleSet publishing(RuleSet set) {
        set.shippedRules(() -> shipped.sources(set.name()).isEmpty() ? null : compiler.compile(shipped.sources(set.name())));
        set.onActivated(kieBase -> events.publishEvent(new RuleSetActivated(set.name(), set.version(),
                set.activatedAt().orElseGet(Instant::now), set.active().map(RuleBuild::files).orElse(List.of()))));
        return set;
    }

    private boolean hasFiles(String name) {
        return !new RuleSet(name, root, compiler).files().isEmpty();
    }

    private List<String> folders() {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(RulePaths::isRuleSetName).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
