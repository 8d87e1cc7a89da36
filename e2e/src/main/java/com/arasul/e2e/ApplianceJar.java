package com.arasul.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the packaged appliance is: the build sets {@code arasul.appliance.jar}, else it is looked up from here. */
public final class ApplianceJar {

    private static final String RELATIVE = "appliance/target/arasul-appliance.jar";

    private ApplianceJar() {
    }

    public static Path locate() {
        String configured = System.getProperty("arasul.appliance.jar");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).normalize();
        }
        for (Path candidate : List.of(Path.of(RELATIVE), Path.of("..").resolve(RELATIVE))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        return Path.of(RELATIVE).toAbsolutePath();
    }
}
