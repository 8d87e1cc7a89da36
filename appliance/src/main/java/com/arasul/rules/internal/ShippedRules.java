package com.arasul.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The rules packaged with the appliance ({@code classpath:shipped-rules/}, built from the top-level
 * {@code rules/} folder) and their first installation into the rules folder.
 */
public final class ShippedRules {

    private static final Logger log = LoggerFactory.getLogger(ShippedRules.class);
    private static final String LOCATION = "shipped-rules/";

    // path below shipped-rules/ -> content, e.g. healing/events.drl, README.md
    private final Map<String, byte[]> files;

    private ShippedRules(Map<String, byte[]> files) {
        this.files = files;
    }

    /** Reads every file below {@code classpath:shipped-rules/}, in a jar or a folder alike. */
    public static ShippedRules fromClasspath() {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "**")) {
                String url = resource.getURL().toString();
                String path = url.substring(url.lastIndexOf(LOCATION) + LOCATION.length());
                if (!path.isEmpty() && !path.endsWith("/") && resource.isReadable()) {
                    try (InputStream in = resource.getInputStream()) {
                        files.put(path, in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped rules", e);
        }
        return new ShippedRules(files);
    }

    /** The rule sets shipped: the first folder of every shipped {@code .drl} file. */
    public Set<String> ruleSets() {
        Set<String> sets = new TreeSet<>();
        files.keySet().stream().filter(p -> p.endsWith(".drl") && p.contains("/"))
                .forEach(p -> sets.add(p.substring(0, p.indexOf('/'))));
        return sets;
    }

    /** The shipped {@code .drl} sources of one rule set, keyed by their path below the rules folder. */
    public Map<String, String> sources(String ruleSet) {
        Map<String, String> sources = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.startsWith(ruleSet + "/") && path.endsWith(".drl")) {
                sources.put(path, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return sources;
    }

    /**
     * Copies each shipped rule set into {@code root} whose folder there has no {@code .drl} file yet,
     * and the other shipped files (the README) where they are missing. An existing file is never
     * overwritten: it may be an integrator's edit.
     */
    public void installInto(Path root) {
        try {
            Files.createDirectories(root);
            for (String ruleSet : ruleSets()) {
                if (!hasRules(root.resolve(ruleSet))) {
                    log.info("installing the shipped {} rules into {}", ruleSet, root.resolve(ruleSet));
                    for (Map.Entry<String, byte[]> file : files.entrySet()) {
                        if (file.getKey().startsWith(ruleSet + "/")) {
                            copyIfMissing(root, file.getKey(), file.getValue());
                        }
                    }
                }
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                if (!file.getKey().contains("/")) {
                    copyIfMissing(root, file.getKey(), file.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the shipped rules into " + root, e);
        }
    }

    private static void copyIfMissing(Path root, String path, byte[] content) throws IOException {
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root) || Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.write(target, content, java.nio.file.StandardOpenOption.CREATE_NEW);
    }

    private static boolean hasRules(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(p -> p.toString().endsWith(".drl"));
        }
    }
}
