package com.arasul.rules;

import java.time.Instant;

/**
 * One {@code .drl} file of a rule set as it is on disk.
 *
 * @param name its path below the rule set's folder, e.g. {@code overload-actions.drl}
 * @param size in bytes
 * @param lastModified when it was last written
 */
public record RuleFile(String name, long size, Instant lastModified) {
}
