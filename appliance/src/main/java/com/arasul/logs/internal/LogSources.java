package com.arasul.logs.internal;

import com.arasul.containers.ContainerActions;
import com.arasul.containers.LogLine;
import com.arasul.containers.ManagedService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * The log sources the logs API knows: every managed service (through Docker) and {@code appliance}
 * (its own rolling log). A request names a source; the name is looked up here and never used as a path.
 */
class LogSources {

    static final String APPLIANCE = "appliance";
    static final Set<String> LEVELS = Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");

    private final ContainerActions containers;
    private final ApplianceLog appliance;

    LogSources(ContainerActions containers, ApplianceLog appliance) {
        this.containers = containers;
        this.appliance = appliance;
    }

    /** Source name to kind ({@code container} or {@code appliance}). */
    Map<String, String> list() {
        Map<String, String> sources = new TreeMap<>();
        sources.put(APPLIANCE, "appliance");
        for (ManagedService s : containers.services()) {
            sources.put(s.name(), "container");
        }
        return sources;
    }

    /** @throws NoSuchElementException for a name that is no source */
    List<String> tail(String source, int lines) {
        if (APPLIANCE.equals(source)) {
            return appliance.tail(lines);
        }
        if (!list().containsKey(source)) {
            throw new NoSuchElementException("no log source is called " + source);
        }
        List<String> out = new ArrayList<>();
        for (LogLine l : containers.logs(source, lines)) {
            out.add(l.timestamp() + " " + l.stream() + " " + l.text());
        }
        return out;
    }

    ApplianceLog appliance() {
        return appliance;
    }

    static String level(String level) {
        if (level == null) {
            return null;
        }
        String upper = level.toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(upper)) {
            throw new IllegalArgumentException("level must be one of " + new java.util.TreeSet<>(LEVELS));
        }
        return upper;
    }

    /** A line at that level: the level appears as a word in it (Spring Boot's format, and most services'). */
    static boolean atLevel(String line, String level) {
        return level == null || line.matches("(?s).*\\b" + level + "\\b.*");
    }
}
