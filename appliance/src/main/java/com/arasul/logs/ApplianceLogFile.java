package com.arasul.logs;

/** Where the appliance's own rolling log really is, for whoever reads or cleans it. */
public final class ApplianceLogFile {

    /** The property that configures it, with the default Spring Boot falls back to. */
    public static final String CONFIGURED = "${logging.file.name:${arasul.data-dir}/logs/arasul.log}";

    private ApplianceLogFile() {
    }

    /**
     * The file logback really writes: Spring Boot resolves it once when logging starts and publishes
     * it as the {@code LOG_FILE} system property; the configured value is the fallback.
     */
    public static String resolve(String configured) {
        String resolved = System.getProperty("LOG_FILE");
        return resolved == null || resolved.isBlank() ? configured : resolved;
    }
}
