package com.arasul.rules;

import com.arasul.rules.internal.DrlValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles {@code .drl} files into a STREAM-mode rule base with the classic (runtime, mvel) compiler.
 * A file's path below the rules root becomes its path in the rule module, so {@code healing/x.drl}
 * belongs in {@code package healing;}.
 */
public final class RuleCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern PARSER_POSITION = Pattern.compile("Line \\d+:(\\d+)");
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final DrlValidator VALIDATOR = new DrlValidator();

    private final Clock clock;

    public RuleCompiler(Clock clock) {
        this.clock = clock;
    }

    /** Compiles every {@code .drl} file below {@code root/ruleSet}. */
    public RuleBuild compile(Path root, String ruleSet) {
        return compile(read(root, ruleSet));
    }

    /**
     * Every {@code .drl} file below {@code root/ruleSet}, by its path relative to {@code root}. Links are
     * not followed: a rule file that is a symbolic link is refused (an {@link UncheckedIOException}
     * naming it, never its target's content).
     */
    public static Map<String, String> read(Path root, String ruleSet) {
        Path folder = root.resolve(ruleSet);
        Map<String, String> sources = new TreeMap<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return sources;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (Files.isSymbolicLink(file)) {
                    throw new IOException(relative + " is a symbolic link; rule files are read only as plain files");
                }
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                        sources.put(relative, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return sources;
    }

    /**
     * Compiles the given sources, keyed by their path relative to the rules root, once
     * {@link DrlValidator} found nothing outside the allowlist in them; a refused set is not compiled
     * at all, so none of its code is ever loaded.
     */
    public RuleBuild compile(Map<String, String> sources) {
        List<RuleMessage> refused = VALIDATOR.validate(sources);
        if (!refused.isEmpty()) {
            return new RuleBuild(null, refused, List.copyOf(sources.keySet()), clock.instant());
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("com.arasul.rules", "ruleset-" + BUILDS.incrementAndGet(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        sources.forEach((path, text) -> kfs.write(RESOURCES + path, text));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<RuleMessage> messages = new ArrayList<>();
        for (Message m : builder.getResults().getMessages()) {
            messages.add(new RuleMessage(relative(m.getPath()), m.getLine(), column(m), m.getLevel().name(),
                    m.getText()));
        }
        KieBase kieBase = null;
        if (messages.stream().noneMatch(RuleMessage::isError)) {
            KieContainer container = ks.newKieContainer(releaseId);
            KieBaseConfiguration conf = ks.newKieBaseConfiguration();
            conf.setOption(EventProcessingOption.STREAM);
            kieBase = container.newKieBase(conf);
        }
        // each build has its own release id; forget it so rebuilds do not pile up in the repository
        ks.getRepository().removeKieModule(releaseId);
        return new RuleBuild(kieBase, messages, List.copyOf(sources.keySet()), clock.instant());
    }

    /** The parser knows the column but only says it in its text ("Line 7:4 mismatched input"). */
    private static int column(Message m) {
        if (m.getColumn() > 0) {
            return m.getColumn();
        }
        Matcher matcher = PARSER_POSITION.matcher(m.getText());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) + 1 : 0;
    }

    private static String relative(String path) {
        if (path == null) {
            return "";
        }
        return path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
    }
}
