package com.arasul.updates.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockMultipartHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/** An upload is refused before a byte is written when the disk cannot take it, and at most two run at once. */
class UploadLimitsTests {

    static final long MB = 1 << 20;

    @TempDir
    Path incoming;

    @Test
    void refusesAnUploadThatWouldLeaveLessThanTheReserveBeforeWritingAnything() throws IOException {
        UploadReceiver receiver = new UploadReceiver(incoming, 100 * MB, 50 * MB, folder -> 80 * MB);

        ResponseStatusException refused = catchThrowableOfType(ResponseStatusException.class,
                () -> receiver.admit(40 * MB));

        assertThat(refused.getStatusCode().value()).isEqualTo(507);
        assertThat(refused.getReason()).contains("80 MB free").contains("50 MB must stay free");
        try (var files = Files.list(incoming)) {
            assertThat(files).isEmpty();
        }
        receiver.admit(20 * MB);
    }

    @Test
    void refusesAnAnnouncedUploadOverTheLimitAs413() {
        UploadReceiver receiver = new UploadReceiver(incoming, 10 * MB, 0, folder -> 1_000 * MB);

        assertThat(catchThrowableOfType(ResponseStatusException.class, () -> receiver.admit(11 * MB))
                .getStatusCode().value()).isEqualTo(413);
    }

    @Test
    void stopsAndKeepsNothingWhenTheDiskFillsUpWhileAnUploadOfUnknownSizeStreamsIn() throws IOException {
        AtomicLong free = new AtomicLong(200 * MB);
        UploadReceiver receiver = new UploadReceiver(incoming, 1_000 * MB, 100 * MB, folder -> free.get());
        receiver.admit(-1);
        free.set(90 * MB); // someone else filled the disk meanwhile

        ResponseStatusException refused = catchThrowableOfType(ResponseStatusException.class,
                () -> receiver.receive(zeros(70 * MB), "big.araupdate"));

        assertThat(refused.getStatusCode().value()).isEqualTo(507);
        try (var files = Files.list(incoming)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theThirdUploadAtOnceIsAnswered429() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger checked = new AtomicInteger();
        UpdateIntakeController controller = new UpdateIntakeController(upload -> {
            checked.incrementAndGet();
            throw new IllegalStateException("not checked in this test");
        }, new IntakeFolders(incoming.resolve("keys"), incoming, incoming.resolve("staged"), incoming.resolve("rules")), properties(), folder -> 1_000 * MB);
        AtomicInteger reading = new AtomicInteger();

        // threads of their own: the common pool may have a single thread on a small machine
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<?> first = CompletableFuture.runAsync(() -> upload(controller, blocking(release, reading)), threads);
        CompletableFuture<?> second = CompletableFuture.runAsync(() -> upload(controller, blocking(release, reading)), threads);
        await().atMost(Duration.ofSeconds(10)).until(() -> reading.get() == 2);

        ResponseStatusException third = catchThrowableOfType(ResponseStatusException.class,
                () -> controller.upload(request(new MockMultipartFile("file", "c.araupdate", null, new byte[] {1}))));
        assertThat(third.getStatusCode().value()).isEqualTo(429);
        assertThat(third.getReason()).contains("2 uploads");
        assertThat(third.getHeaders().getFirst("Retry-After")).isNotBlank();

        release.countDown();
        CompletableFuture.allOf(first, second).handle((ok, failed) -> null).get(10, TimeUnit.SECONDS);
        threads.shutdown();
        assertThat(checked.get()).isEqualTo(2);
        assertThat(catchThrowableOfType(IllegalStateException.class,
                () -> controller.upload(request(new MockMultipartFile("file", "d.araupdate", null, new byte[] {1})))))
                .as("a slot is free again once one has finished").isNotNull();
    }

    private static void upload(UpdateIntakeController controller, MockMultipartFile file) {
        try {
            controller.upload(request(file));
        } catch (IOException | org.springframework.web.multipart.support.MissingServletRequestPartException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockMultipartHttpServletRequest request(MockMultipartFile file) {
        MockMultipartHttpServletRequest request = new MockMultipartHttpServletRequest();
        request.addFile(file);
        return request;
    }

    private static MockMultipartFile blocking(CountDownLatch release, AtomicInteger reading) {
        return new MockMultipartFile("file", "slow.araupdate", null, new byte[0]) {
            @Override
            public InputStream getInputStream() {
                return new InputStream() {
                    private boolean started;

                    @Override
                    public int read() throws IOException {
                        byte[] one = new byte[1];
                        return read(one, 0, 1) < 0 ? -1 : one[0];
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        if (!started) {
                            started = true;
                            reading.incrementAndGet();
                            try {
                                release.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return -1;
                    }
                };
            }
        };
    }

    private static InputStream zeros(long bytes) {
        return new InputStream() {
            private long left = bytes;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    private static UpdateProperties properties() {
        return new UpdateProperties(null, null, null, null, DataSize.ofGigabytes(20), 10_000, List.of(),
                Duration.ofSeconds(10), Duration.ofSeconds(10), "arasul", 2, 20, 10, Duration.ofMinutes(30),
                DataSize.ofMegabytes(1), 2);
    }
}
