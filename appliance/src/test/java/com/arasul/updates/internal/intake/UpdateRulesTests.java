package com.arasul.updates.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.rules.RuleCompiler;
import com.arasul.updates.facts.BoxState;
import com.arasul.updates.facts.Refusal;
import com.arasul.updates.facts.UpdateManifest;
import com.arasul.updates.format.SemanticVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped rules in {@code rules/updates}, and how an integrator's own rules join them. */
class UpdateRulesTests {

    @TempDir
    Path rulesDir;

    UpdateRules rules() {
        return new UpdateRules(rulesDir, new RuleCompiler(Clock.systemUTC()));
    }

    static UpdateManifest manifest(String version, String min, List<String> services) {
        return new UpdateManifest(SemanticVersion.parse(version), SemanticVersion.parse(min),
                services.isEmpty() ? List.of("rules") : services.stream().map(s -> "image").toList(), services, 1000, false,
                "k");
    }

    static BoxState box(long freeDisk, String running, String critical, LocalDateTime now) {
        return new BoxState(SemanticVersion.parse("2.0.0"), List.of("vision", "llm"), "arasul",
                UpdateValidator.KNOWN_COMPONENT_TYPES, freeDisk, 2, running, critical, now);
    }

    static BoxState calmBox() {
        return box(1_000_000, null, null, LocalDateTime.parse("2026-01-01T23:00:00"));
    }

    List<String> codes(UpdateRules rules, UpdateManifest manifest, BoxState box) {
        return rules.refusals(manifest, box).stream().map(Refusal::code).toList();
    }

    @Test
    void acceptsANewerPackageForManagedServicesOnACalmBox() {
        assertThat(codes(rules(), manifest("2.1.0", "2.0.0", List.of("vision")), calmBox())).isEmpty();
    }

    @Test
    void refusesEachFailedCheckWithItsOwnCode() {
        UpdateRules rules = rules();
        assertThat(codes(rules, manifest("1.0.0", "1.0.0", List.of()), calmBox())).containsExactly("DOWNGRADE");
        assertThat(codes(rules, manifest("2.0.0", "1.0.0", List.of()), calmBox())).containsExactly("REINSTALL");
        assertThat(codes(rules, manifest("3.0.0", "2.5.0", List.of()), calmBox())).containsExactly("MIN_VERSION_NOT_MET");
        assertThat(codes(rules, manifest("2.1.0", "2.0.0", List.of("ghost")), calmBox())).containsExactly("UNKNOWN_SERVICE");
        assertThat(codes(rules, manifest("2.1.0", "2.0.0", List.of("arasul")), calmBox())).containsExactly("SELF_UPDATE");
        assertThat(codes(rules, manifest("2.1.0", "2.0.0", List.of()), box(1999, null, null, LocalDateTime.now())))
                .containsExactly("NOT_ENOUGH_DISK");
        assertThat(codes(rules, manifest("2.1.0", "2.0.0", List.of()), box(2000, null, null, LocalDateTime.now()))).isEmpty();
        assertThat(codes(rules, manifest("2.1.0", "2.0.0", List.of()), box(1_000_000, "2.0.5", null, LocalDateTime.now())))
                .containsExactly("UPDATE_RUNNING");
        assertThat(codes(rules, manifest("2.1.0", "2.0.0", List.of()), box(1_000_000, null, "C", LocalDateTime.now())))
                .containsExactly("CRITICAL_HEALING");
        assertThat(codes(rules, manifest("2.1.0", "2.0.0", List.of()), box(1_000_000, null, "B", LocalDateTime.now())))
                .isEmpty();
    }

    @Test
    void addsAnIntegratorsMaintenanceWindowRuleFromTheRulesFolder() throws Exception {
        Files.createDirectories(rulesDir.resolve("updates"));
        String readme = Files.readString(Path.of("..", "rules", "updates", "README.md"));
        String example = readme.substring(readme.indexOf("```\npackage updates;") + 4, readme.lastIndexOf("```"));
        Files.writeString(rulesDir.resolve("updates/maintenance-window.drl"), example);
        UpdateRules rules = rules();

        UpdateManifest ok = manifest("2.1.0", "2.0.0", List.of());
        assertThat(codes(rules, ok, box(1_000_000, null, null, LocalDateTime.parse("2026-01-01T12:00:00"))))
                .containsExactly("OUTSIDE_MAINTENANCE_WINDOW");
        assertThat(codes(rules, ok, calmBox())).isEmpty();
    }

    @Test
    void keepsTheLastGoodRulesWhenAnAddedFileDoesNotCompile() throws Exception {
        UpdateRules rules = rules();
        assertThat(codes(rules, manifest("1.0.0", "1.0.0", List.of()), calmBox())).containsExactly("DOWNGRADE");
        Files.createDirectories(rulesDir.resolve("updates"));
        Files.writeString(rulesDir.resolve("updates/broken.drl"), "package updates;\nrule \"x\" when then oops end\n");

        assertThat(codes(rules, manifest("1.0.0", "1.0.0", List.of()), calmBox())).containsExactly("DOWNGRADE");
    }

    @Test
    void everyShippedUpdateRuleFileDeclaresThePackageOfItsFolder() {
        assertThat(RuleCompiler.read(Path.of("..", "rules"), "updates")).hasSize(3)
                .allSatisfy((file, text) -> assertThat(text).as(file).containsPattern("(?m)^package updates;$"));
    }
}
