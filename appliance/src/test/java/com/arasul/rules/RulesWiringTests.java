package com.arasul.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.ApplianceTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** In the whole appliance the rules folder defaults to the data folder's and starts with the shipped rules active. */
@ApplianceTest
class RulesWiringTests {

    @Autowired
    RuleSets ruleSets;

    @Value("${arasul.data-dir}")
    Path dataDir;

    @Test
    void startsWithTheShippedHealingRulesInTheDataFolder() {
        assertThat(ruleSets.root()).isEqualTo(dataDir.resolve("rules").toAbsolutePath().normalize());
        assertThat(ruleSets.root().resolve("healing/events.drl")).exists();
        assertThat(ruleSets.get("healing").active()).hasValueSatisfying(b -> assertThat(b.ok()).isTrue());
        assertThat(ruleSets.get("healing").runsShippedFallback()).isFalse();
    }
}
