package com.arasul;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a fresh data folder, so two embedded databases never share
 * one, and makes its {@code usb} folder the only USB mount root, so no test watches the real
 * {@code /media}: a test of the USB door puts its sticks there.
 */
public class TemporaryDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path base = Path.of("target", "test-data");
            Files.createDirectories(base);
            Path dir = Files.createTempDirectory(base.toAbsolutePath(), "appliance-");
            Path usb = Files.createDirectories(dir.resolve("usb"));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("temporaryDataDirectory",
                    Map.of("arasul.data-dir", dir.toString(), "arasul.updates.usb-roots", usb.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
