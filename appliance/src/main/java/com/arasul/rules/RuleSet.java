package com.arasul.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
    private volatile long version;
    private volatile Instant activatedAt;
    private volatile boolean shippedFallback;
    private volatile RuleBuild previous;
    private volatile List<SetAside> setAside = List.of();
    private volatile Supplier<RuleBuild> shipped = () -> null;
    // the files as they were when last compiled, so a repeated or stale watch event compiles nothing
    private List<RuleFile> compiledFiles = List.of();

    public RuleSet(String name, Path root, RuleCompiler compiler) {
        this.name = name;
        this.root = root;
        this.compiler = compiler;
    }

    public String name() {
        return name;
    }

    public Path folder() {
        return root.resolve(name);
    }

    /** Compiles the folder as it is now and activates the result if it has no errors. */
    public synchronized RuleBuild reload() {
        compiledFiles = files();
        Map<String, String> sources;
        try {
            sources = RuleCompiler.read(root, name);
        } catch (UncheckedIOException e) {
            return activate(refused("cannot read the rule files: " + e.getMessage()));
        }
        if (sources.isEmpty()) {
            return activate(refused("the folder has no .drl files"));
        }
        return activate(compiler.compile(sources));
    }

    /** Compiles the folder if its files changed since they were last compiled. */
    public synchronized Optional<RuleBuild> reloadIfChanged() {
        return files().equals(compiledFiles) ? Optional.empty() : Optional.of(reload());
    }

    /** Whether the files changed since they were last compiled and have since been left alone for {@code settle}. */
    public synchronized boolean changedAndSettled(Duration settle, Instant now) {
        List<RuleFile> files = files();
        return !files.equals(compiledFiles)
                && files.stream().allMatch(f -> f.lastModified().plus(settle).isBefore(now));
    }

    /** Compiles the folder as it would be with {@code path} holding {@code text}; activates nothing. */
    public RuleBuild validate(String path, String text) {
        Map<String, String> sources;
        try {
            sources = new TreeMap<>(RuleCompiler.read(root, name));
        } catch (UncheckedIOException e) {
            return refused("cannot read the rule files: " + e.getMessage());
        }
        sources.put(path, text);
        return compiler.compile(sources);
    }

    /**
     * Replaces (or adds) one file of this rule set if the set compiles with it: validates it with the
     * other files, writes it atomically and activates the build. A refused file is not written.
     *
     * @param file a plain file name in this rule set's folder, already checked by the caller
     */
    public synchronized RuleBuild write(String file, String text) {
        RuleBuild build = validate(name + "/" + file, text);
        if (!build.ok()) {
            return build;
        }
        Path target = folder().resolve(file);
        try {
            // not ending in .drl, so the folder watch never picks up the half-written temporary file
            Path tmp = Files.createTempFile(folder(), "." + file, ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        compiledFiles = files();
        return activate(build);
    }

    /** Activates a build made by {@link #validate} after its file was written. */
    public synchronized RuleBuild activate(RuleBuild build) {
        lastAttempt = build;
        if (build.ok()) {
            shippedFallback = false;
            setAside = List.of();
            previous = active;
            use(build);
            log.info("rule set {}: version {} active, {} files", name, version, build.files().size());
        } else {
            log.warn("rule set {}: build refused, the last good rules keep running: {}", name, build.errors());
        }
        return build;
    }

    /**
     * Runs the rules shipped with the appliance when the folder's own do not compile at start, so a
     * box never runs without rules; the folder's refused build stays visible as the last attempt.
     */
    public synchronized void fallBackTo(RuleBuild shipped) {
        if (active == null && shipped.ok()) {
            RuleBuild refused = lastAttempt;
            if (refused != null && !refused.ok()) {
                List<String> files = refused.errors().stream().map(RuleMessage::file).distinct().toList();
                setAside = List.of(new SetAside(files.isEmpty() ? refused.files() : files,
                        refused.errors().isEmpty() ? "does not compile" : refused.errors().getFirst().text(), Instant.now()));
            }
            shippedFallback = true;
            use(shipped);
            log.warn("rule set {}: set aside {}, running the shipped rules until they are fixed", name, setAside);
        }
    }

    /** Where {@link #setAside(KieBase, String)} falls back when there is no earlier good build. */
    public void shippedRules(Supplier<RuleBuild> shipped) {
        this.shipped = shipped;
    }

    /**
     * Takes the running rule base out of service because it ran away or failed while firing: the
     * build that ran before it runs again, or the shipped rules when there was none. Its files stay
     * on disk and are named by {@link #setAside()} until the folder is compiled again. Does nothing
     * when {@code kieBase} is no longer the running one, or when it is the shipped rules themselves
     * (they keep running, bounded, and the failure is logged).
     */
    public synchronized void setAside(KieBase kieBase, String reason) {
        if (active == null || active.kieBase() != kieBase) {
            return;
        }
        RuleBuild fallback = previous != null ? previous : shippedFallback ? null : shipped.get();
        if (fallback == null || !fallback.ok()) {
            log.error("rule set {}: {}; nothing to fall back to, the rules keep running within their firing limit",
                    name, reason);
            return;
        }
        List<SetAside> more = new java.util.ArrayList<>(setAside);
        more.add(new SetAside(active.files(), reason, Instant.now()));
        setAside = List.copyOf(more);
        lastAttempt = active;
        shippedFallback = previous == null;
        previous = null;
        log.error("rule set {}: set aside ({}), the {} rules run again", name, reason,
                shippedFallback ? "shipped" : "last good");
        use(fallback);
    }

    /** Files taken out of service since the folder was last compiled, and why. */
    public List<SetAside> setAside() {
        return setAside;
    }

    /** Called with each newly activated rule base. */
    public void onActivated(Consumer<KieBase> listener) {
        listeners.add(listener);
    }

    public Optional<RuleBuild> active() {
        return Optional.ofNullable(active);
    }

    /** The most recent build of the folder, good or refused. */
    public Optional<RuleBuild> lastAttempt() {
        return Optional.ofNullable(lastAttempt);
    }

    /** Counts activations, 0 while nothing is active. */
    public long version() {
        return version;
    }

    public Optional<Instant> activatedAt() {
        return Optional.ofNullable(activatedAt);
    }

    /** Whether the active rules are the shipped ones because the folder's did not compile at start. */
    public boolean runsShippedFallback() {
        return shippedFallback;
    }

    /** The {@code .drl} files in the folder now, by their path below it. */
    public List<RuleFile> files() {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.toString().endsWith(".drl") && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .map(p -> stat(folder, p)).flatMap(Optional::stream).toList();
        } catch (IOException | UncheckedIOException e) {
            log.warn("rule set {}: cannot list {}: {}", name, folder, e.toString());
            return List.of();
        }
    }

    private void use(RuleBuild build) {
        active = build;
        version++;
        activatedAt = build.builtAt();
        listeners.forEach(l -> l.accept(build.kieBase()));
    }

    private RuleBuild refused(String why) {
        return new RuleBuild(null, List.of(new RuleMessage(name, 0, 0, "ERROR", why)), List.of(),
                Instant.now());
    }

    private static Optional<RuleFile> stat(Path folder, Path file) {
        try {
            // a link is listed as itself, never followed (reading it is refused)
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new RuleFile(folder.relativize(file).toString().replace('\\', '/'), attributes.size(),
                    attributes.lastModifiedTime().toInstant()));
        } catch (IOException e) {
            return Optional.empty(); // deleted while we looked
        }
    }
}
