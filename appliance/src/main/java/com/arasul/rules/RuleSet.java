package com.arasul.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One folder of rules below the rules root (e.g. {@code healing/}) and the rule base compiled from
 * it. A new build replaces the running rule base only when it has no errors; otherwise the last
 * good one keeps running and the failed build's messages are kept for the API.
 */
public final class RuleSet {

    private static final Logger log = LoggerFactory.getLogger(RuleSet.class);

    private final String name;
    private final Path root;
    private final RuleCompiler compiler;
    private final List<Consumer<KieBase>> listeners = new CopyOnWriteArrayList<>();
    private volatile RuleBuild active;
    private volatile RuleBuild lastAttempt;

    public RuleSet(String name, Path root, RuleCompiler compiler) {
        this.name = name;
        this.root = root;
        this.compiler = compiler;
    }

    public String name() {
        return name;
    }

    /** Compiles the folder as it is now and activates the result if it has no errors. */
    public synchronized RuleBuild reload() {
        return activate(compiler.compile(root, name));
    }

    /** Compiles the folder as it would be with {@code path} holding {@code text}; activates nothing. */
    public RuleBuild validate(String path, String text) {
        Map<String, String> sources = new TreeMap<>(RuleCompiler.read(root, name));
        sources.put(path, text);
        return compiler.compile(sources);
    }

    /** Activates a build made by {@link #validate} after its file was written. */
    public synchronized RuleBuild activate(RuleBuild build) {
        lastAttempt = build;
        if (build.ok()) {
            active = build;
            log.info("rule set {}: {} files active", name, build.files().size());
            listeners.forEach(l -> l.accept(build.kieBase()));
        } else {
            log.warn("rule set {}: build refused, the last good rules keep running: {}", name, build.errors());
        }
        return build;
    }

    /** Called with each newly activated rule base. */
    public void onActivated(Consumer<KieBase> listener) {
        listeners.add(listener);
    }

    public Optional<RuleBuild> active() {
        return Optional.ofNullable(active);
    }

    /** The most recent build, good or refused. */
    public Optional<RuleBuild> lastAttempt() {
        return Optional.ofNullable(lastAttempt);
    }
}
