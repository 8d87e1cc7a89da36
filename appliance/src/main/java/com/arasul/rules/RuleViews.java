package com.arasul.rules;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The JSON shapes of the rules API; each carries a {@code timestamp}. */
final class RuleViews {

    private RuleViews() {
    }

    record RulesOverview(Instant timestamp, String folder, List<RuleSetView> ruleSets) {
    }

    /**
     * @param activeVersion counts activations since the start, 0 when nothing is active
     * @param runsShippedRules the folder's rules did not compile at start, the shipped ones run
     * @param lastBuild the most recent build of the folder, good or refused
     * @param setAside files taken out of service (they did not compile at start, ran away or failed while
     *     firing) and why; they stay on disk until they are changed
     */
    record RuleSetView(String name, String folder, long activeVersion, Instant activatedAt, boolean runsShippedRules,
            List<String> activeFiles, Build lastBuild, List<RuleFile> files, List<SetAside> setAside) {

        static RuleSetView of(RuleSet set) {
            return new RuleSetView(set.name(), set.folder().toString(), set.version(), set.activatedAt().orElse(null),
                    set.runsShippedFallback(), set.active().map(RuleBuild::files).orElse(List.of()),
                    set.lastAttempt().map(Build::of).orElse(null), set.files(), set.setAside());
        }
    }

    /** @param status {@code active} when it compiled and runs, {@code refused} when it had errors */
    record Build(String status, Instant builtAt, List<RuleMessage> messages) {

        static Build of(RuleBuild build) {
            return new Build(build.ok() ? "active" : "refused", build.builtAt(), build.messages());
        }
    }

    record RuleFileSaved(Instant timestamp, String ruleSet, String file, long activeVersion, List<RuleMessage> messages) {
    }

    record ValidationRequest(@NotNull String set, @NotNull String file, @NotNull String text) {
    }

    record Validation(Instant timestamp, boolean ok, List<RuleMessage> messages) {
    }

    /** The API's error shape with the compiler's messages added. */
    record RulesRefused(Instant timestamp, int status, String error, String message, String path,
            List<RuleMessage> messages) {

        static RulesRefused of(RuleBuild build, String message, String path) {
            HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
            return new RulesRefused(Instant.now(), status.value(), status.getReasonPhrase(), message, path,
                    build.messages());
        }
    }
}
