package com.arasul.containers.internal;

import com.arasul.containers.LogFollow;
import com.arasul.containers.LogLine;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Container logs with Docker's timestamps: the last lines, or a bounded follow. */
final class ContainerLogs {

    private ContainerLogs() {
    }

    static List<LogLine> tail(DockerClient client, String containerId, String service, int lines, Duration timeout) {
        List<LogLine> collected = Collections.synchronizedList(new ArrayList<>());
        var callback = client.logContainerCmd(containerId)
                .withStdOut(true).withStdErr(true).withTimestamps(true).withTail(lines)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        parse(service, frame, collected::add);
                    }
                });
        try {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                callback.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException ignored) {
            // what came before the timeout is still worth showing
        }
        synchronized (collected) {
            return List.copyOf(collected);
        }
    }

    static LogFollow follow(DockerClient client, String containerId, String service, int lines, int capacity,
            Runnable onClose) {
        var follow = new BoundedLogFollow(capacity, onClose);
        var callback = client.logContainerCmd(containerId)
                .withStdOut(true).withStdErr(true).withTimestamps(true).withTail(lines).withFollowStream(true)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        parse(service, frame, follow::offer);
                    }

                    @Override
                    public void onComplete() {
                        follow.end();
                        super.onComplete();
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        follow.end();
                        super.onError(throwable);
                    }
                });
        follow.attach(callback);
        return follow;
    }

    /** A frame holds one or more lines, each {@code <RFC3339Nano timestamp> <text>}. */
    static void parse(String service, Frame frame, Consumer<LogLine> sink) {
        String stream = frame.getStreamType() == StreamType.STDERR ? "stderr" : "stdout";
        String payload = new String(frame.getPayload(), StandardCharsets.UTF_8);
        for (String line : payload.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            Instant at = null;
            String text = line;
            if (space > 0) {
                try {
                    at = Instant.parse(line.substring(0, space));
                    text = line.substring(space + 1);
                } catch (DateTimeParseException noTimestamp) {
                    at = null;
                }
            }
            sink.accept(new LogLine(service, at, stream, text.stripTrailing()));
        }
    }
}
