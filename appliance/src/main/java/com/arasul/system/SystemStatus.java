package com.arasul.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The state of the box in one word, with a sentence per reason an owner understands.
 *
 * @param sampledAt when the sample it was judged from was taken; null before the first sample
 */
public record SystemStatus(
        Instant timestamp, Level status, List<String> reasons, @JsonProperty("sampled_at") Instant sampledAt) {

    public enum Level {
        OK, WARNING, CRITICAL;

        public Level worst(Level other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }
}
