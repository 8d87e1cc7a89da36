package com.arasul.updates.internal.intake;

import com.arasul.rules.RuleBuild;
import com.arasul.rules.RuleCompiler;
import com.arasul.updates.facts.Refusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The update rules: the shipped {@code rules/updates/*.drl} plus whatever an integrator put into
 * {@code <rules folder>/updates/} (a file of the same name replaces the shipped one). Recompiled
 * when the files change; a build with errors is refused and the last good rules stay.
 */
final class UpdateRules {

    static final String RULE_SET = "updates";
    private static final Logger log = LoggerFactory.getLogger(UpdateRules.class);
    private static final int MAX_FIRINGS = 10_000;

    private final Path rulesDir;
    private final RuleCompiler compiler;
    private Map<String, String> compiledSources;
    private KieBase kieBase;

    UpdateRules(Path rulesDir, RuleCompiler compiler) {
        this.rulesDir = rulesDir;
        this.compiler = compiler;
    }

    /** Runs the rules on the facts in a fresh session of their own and returns the refusals. */
    List<Refusal> refusals(Object... facts) {
        KieSession session = current().newKieSession();
        try {
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules(MAX_FIRINGS);
            return session.getObjects(o -> o instanceof Refusal).stream().map(Refusal.class::cast)
                    .sorted(java.util.Comparator.comparing(Refusal::code)).toList();
        } finally {
            session.dispose();
        }
    }

    private synchronized KieBase current() {
        Map<String, String> sources = sources();
        if (!sources.equals(compiledSources)) {
            RuleBuild build = compiler.compile(sources);
            compiledSources = sources;
            if (build.ok()) {
                kieBase = build.kieBase();
                log.info("update rules: {} files active", build.files().size());
            } else if (kieBase != null) {
                log.warn("update rules do not compile, the last good ones stay: {}", build.errors());
            } else {
                throw new IllegalStateException("the update rules do not compile: " + build.errors());
            }
        }
        return kieBase;
    }

    private Map<String, String> sources() {
        Map<String, String> sources = new TreeMap<>();
        try {
            Resource[] shipped = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:shipped-rules/" + RULE_SET + "/*.drl");
            for (Resource resource : shipped) {
                sources.put(RULE_SET + "/" + resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped update rules", e);
        }
        sources.putAll(RuleCompiler.read(rulesDir, RULE_SET));
        return sources;
    }
}
