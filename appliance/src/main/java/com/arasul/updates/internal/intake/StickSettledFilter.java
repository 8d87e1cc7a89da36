package com.arasul.updates.internal.intake;

import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.integration.file.filters.AbstractFileListFilter;

/**
 * Accepts only packages in a stick's {@code updates/} folder, and only once nothing in that folder
 * changed for the settle age: a stick still being filled is taken as a whole, so that the newest
 * of its packages can win. The rescan brings back what is held back here.
 */
final class StickSettledFilter extends AbstractFileListFilter<File> {

    private final StickLayout layout;
    private final Duration settleAge;
    private final Clock clock;

    StickSettledFilter(StickLayout layout, Duration settleAge, Clock clock) {
        this.layout = layout;
        this.settleAge = settleAge;
        this.clock = clock;
    }

    @Override
    public boolean accept(File file) {
        if (!file.isFile() || !layout.isPackage(file)) {
            return false;
        }
        File[] siblings = file.getParentFile().listFiles();
        long newest = siblings == null ? file.lastModified()
                : Arrays.stream(siblings).mapToLong(File::lastModified).max().orElse(file.lastModified());
        return clock.millis() - newest >= settleAge.toMillis();
    }
}
