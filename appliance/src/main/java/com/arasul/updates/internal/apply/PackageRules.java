package com.arasul.updates.internal.apply;

import com.arasul.rules.RuleBuild;
import com.arasul.rules.RuleCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A package's {@code .drl} files go into the rules folder at the same relative paths
 * ({@code rules/healing/x.drl} in the payload becomes {@code <rules dir>/healing/x.drl}). Each rule
 * set they touch is compiled as it would be afterwards before anything is written; a backup copy of
 * the whole folder lets a rollback put the old rules back exactly.
 */
final class PackageRules {

    private final RuleCompiler compiler;
    private final Path rulesDir;

    PackageRules(RuleCompiler compiler, Path rulesDir) {
        this.compiler = compiler;
        this.rulesDir = rulesDir;
    }

    Path rulesDir() {
        return rulesDir;
    }

    /** @return the errors of every touched rule set as it would be, empty when all compile */
    List<String> validate(Path packageRules) {
        Map<String, String> incoming = read(packageRules);
        var sets = new TreeSet<String>();
        incoming.keySet().forEach(p -> sets.add(p.contains("/") ? p.substring(0, p.indexOf('/')) : ""));
        List<String> errors = new java.util.ArrayList<>();
        for (String set : sets) {
            Map<String, String> sources = new TreeMap<>(set.isEmpty() ? topLevel(read(rulesDir)) : RuleCompiler.read(rulesDir, set));
            incoming.forEach((path, text) -> {
                if (set.isEmpty() ? !path.contains("/") : path.startsWith(set + "/")) {
                    sources.put(path, text);
                }
            });
            RuleBuild build = compiler.compile(sources);
            build.errors().forEach(m -> errors.add(m.file() + ":" + m.line() + ": " + m.text()));
        }
        return errors;
    }

    /** Copies the package's files into the rules folder; repeating it writes the same files again. */
    void install(Path packageRules) {
        read(packageRules).forEach((path, text) -> {
            Path target = rulesDir.resolve(path).normalize();
            if (!target.startsWith(rulesDir)) {
                throw new IllegalArgumentException("a rule file would land outside the rules folder: " + path);
            }
            try {
                Files.createDirectories(target.getParent());
                Path part = target.resolveSibling(target.getFileName() + ".part");
                Files.writeString(part, text, StandardCharsets.UTF_8);
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
        });
    }

    /** Copies the whole rules folder to {@code copy} (replacing an older copy). */
    void backup(Path copy) {
        delete(copy);
        copyTree(rulesDir, copy);
    }

    /** Makes the rules folder exactly what {@code copy} holds again. */
    void restore(Path copy) {
        if (!Files.isDirectory(copy)) {
            throw new IllegalStateException("the backup of the rules folder is missing: " + copy);
        }
        Path aside = rulesDir.resolveSibling(rulesDir.getFileName() + ".restoring");
        delete(aside);
        copyTree(copy, aside);
        delete(rulesDir);
        try {
            Files.move(aside, rulesDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the rules folder back", e);
        }
    }

    private static Map<String, String> topLevel(Map<String, String> all) {
        Map<String, String> top = new TreeMap<>();
        all.forEach((p, t) -> {
            if (!p.contains("/")) {
                top.put(p, t);
            }
        });
        return top;
    }

    /** Every .drl below {@code root}, by its path relative to it; links are neither followed nor read. */
    private static Map<String, String> read(Path root) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && p.toString().endsWith(".drl"))
                    .toList()) {
                try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(root.relativize(f).toString().replace('\\', '/'), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules below " + root, e);
        }
        return files;
    }

    static void copyTree(Path from, Path to) {
        try {
            Files.createDirectories(to);
            if (!Files.isDirectory(from)) {
                return;
            }
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
