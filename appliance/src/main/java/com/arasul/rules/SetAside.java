package com.arasul.rules;

import java.time.Instant;
import java.util.List;

/**
 * Rule files that were taken out of service: they stay on disk, the last good rules (or the shipped
 * ones) run instead, until the files are changed.
 *
 * @param files the files, relative to the rules folder
 * @param reason why, a sentence (the first compiler error, or what happened while firing)
 * @param at when
 */
public record SetAside(List<String> files, String reason, Instant at) {

    public SetAside {
        files = List.copyOf(files);
    }
}
