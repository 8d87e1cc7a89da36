package com.arasul.containers;

import java.time.Duration;
import java.util.Optional;

/** A followed container log, buffered with a fixed capacity. */
public interface LogFollow extends AutoCloseable {

    /** The next line, waiting at most {@code timeout}; empty if none came. */
    Optional<LogLine> next(Duration timeout);

    /** Lines dropped because the buffer was full. */
    long dropped();

    /** True once the container's log ended (it stopped) or the follow was closed. */
    boolean finished();

    @Override
    void close();
}
