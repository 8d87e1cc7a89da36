package com.arasul.healing.internal;

import com.arasul.rules.RuleBuild;
import com.arasul.rules.RuleCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.kie.api.KieBase;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where the healing rule base comes from, and news of a new one. Until the rule registry of the
 * rules module is there, this compiles the rules shipped inside the application
 * ({@code shipped-rules/healing/*.drl}); switching to the registry means only another implementation
 * of {@link #current()} and {@link #onChange}.
 */
public class HealingRuleSource {

    static final String RULE_SET = "healing";
    private static final String SHIPPED = "classpath*:shipped-rules/" + RULE_SET + "/**/*.drl";

    private final RuleCompiler compiler;
    private volatile KieBase current;

    public HealingRuleSource(RuleCompiler compiler) {
        this.compiler = compiler;
    }

    /** The rule base to run now; compiled on first use. */
    public synchronized KieBase current() {
        if (current == null) {
            RuleBuild build = compiler.compile(shipped());
            if (!build.ok()) {
                throw new IllegalStateException("the shipped healing rules do not compile: " + build.errors());
            }
            current = build.kieBase();
        }
        return current;
    }

    /** Called with each rule base that replaces the running one. The shipped rules never change. */
    public void onChange(Consumer<KieBase> listener) {
        // nothing to watch yet: the rules module's registry will call the listener on each swap
    }

    private static Map<String, String> shipped() {
        Map<String, String> sources = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(SHIPPED)) {
                String url = r.getURL().toString();
                String path = url.substring(url.lastIndexOf("shipped-rules/") + "shipped-rules/".length());
                sources.put(path, r.getContentAsString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped healing rules", e);
        }
        return sources;
    }
}
