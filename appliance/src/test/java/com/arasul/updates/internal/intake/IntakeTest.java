package com.arasul.updates.internal.intake;

import com.arasul.ApplianceTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole appliance for the intake tests, one context shared by them: the USB root in its data
 * folder ({@code <data>/usb}, see {@link com.arasul.TemporaryDataDirectory}) with short settle and
 * poll times, and free disk space the test can pretend is short.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplianceTest
@AutoConfigureMockMvc
@Import(IntakeTest.Beans.class)
@TestPropertySource(properties = {
        "arasul.updates.usb-settle-age=1s",
        "arasul.updates.usb-poll-interval=500ms"})
@interface IntakeTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Beans {

        @Bean
        @Primary
        AdjustableFreeDisk adjustableFreeDisk() {
            return new AdjustableFreeDisk();
        }
    }

    /** The real free space, unless a test sets another figure. */
    final class AdjustableFreeDisk implements FreeDisk {

        private final AtomicLong pretended = new AtomicLong(-1);
        private final FreeDisk real = FreeDisk.fileSystem();
        private volatile Path only;

        void pretend(long bytes) {
            pretend(bytes, null);
        }

        /** Pretends for folders below {@code below} only (all when null). */
        void pretend(long bytes, Path below) {
            only = below;
            pretended.set(bytes);
        }

        void real() {
            only = null;
            pretended.set(-1);
        }

        @Override
        public long usableBytes(Path folder) {
            long bytes = pretended.get();
            Path below = only;
            return bytes >= 0 && (below == null || folder.startsWith(below)) ? bytes : real.usableBytes(folder);
        }
    }
}
