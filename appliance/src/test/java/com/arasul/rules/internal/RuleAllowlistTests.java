package com.arasul.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The allowlist names the published fact types one by one; a fact added to a facts package must be
 * added there too, or every rule that uses it is refused at start. This test keeps the two in step.
 */
class RuleAllowlistTests {

    @Test
    void allowsEveryPublishedFactType() throws IOException {
        Set<String> published = new TreeSet<>();
        for (String pkg : Set.of("com/arasul/healing/facts", "com/arasul/updates/facts")) {
            Resource[] classes = new PathMatchingResourcePatternResolver().getResources("classpath*:" + pkg + "/*.class");
            Arrays.stream(classes)
                    .map(Resource::getFilename)
                    .filter(name -> name != null && !name.contains("$") && !name.equals("package-info.class"))
                    .map(name -> pkg.replace('/', '.') + "." + name.substring(0, name.length() - ".class".length()))
                    .forEach(published::add);
        }

        assertThat(published).isNotEmpty();
        assertThat(RuleAllowlist.FACT_TYPES).containsAll(published);
    }
}
