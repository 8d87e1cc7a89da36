package com.arasul.healing.internal;

import java.util.regex.Pattern;

/** The services the engine may feed to its rules and act on ({@code arasul.healing.engine.scope}). */
public final class ServiceScope {

    private final Pattern pattern;

    public ServiceScope(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    public boolean includes(String service) {
        return service != null && pattern.matcher(service).matches();
    }

    /** Host-wide requests (no service) are always in scope. */
    public boolean admits(String serviceOrNull) {
        return serviceOrNull == null || includes(serviceOrNull);
    }
}
