package com.arasul.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.system.internal.ConnectivityCheck;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ConnectivityCheckTests {

    private static ConnectivityCheck checking(String... targets) {
        var source = new MapConfigurationPropertySource();
        for (int i = 0; i < targets.length; i++) {
            source.put("arasul.system.connectivity-targets[" + i + "]", targets[i]);
        }
        source.put("arasul.system.connectivity-interval", "5s");
        SystemProperties properties = new Binder(source).bindOrCreate("arasul.system", SystemProperties.class);
        return new ConnectivityCheck(properties);
    }

    private static int closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void sendsNothingAndSaysSoWhenNoTargetIsConfigured() {
        ConnectivityCheck check = checking();
        check.start();
        assertThat(check.isRunning()).isFalse();
        NetworkInfo.Internet internet = check.checkNow();
        assertThat(internet.status()).isEqualTo("unknown");
        assertThat(internet.reason()).contains("no targets are configured");
        assertThat(internet.checkedAt()).isNull();
    }

    @Test
    void findsAListeningTargetReachable() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            NetworkInfo.Internet internet = checking("127.0.0.1:" + server.getLocalPort()).checkNow();
            assertThat(internet.status()).isEqualTo("reachable");
            assertThat(internet.targets()).singleElement().extracting(NetworkInfo.Target::reachable).isEqualTo(true);
            assertThat(internet.checkedAt()).isNotNull();
        }
    }

    @Test
    void findsAClosedPortUnreachableQuickly() throws IOException {
        long started = System.nanoTime();
        NetworkInfo.Internet internet = checking("127.0.0.1:" + closedLoopbackPort()).checkNow();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        assertThat(internet.status()).isEqualTo("unreachable");
        assertThat(internet.reason()).contains("seems to be offline");
        assertThat(internet.targets()).singleElement().extracting(NetworkInfo.Target::error).isNotNull();
    }

    @Test
    void isReachableWhenAnyTargetAnswers() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            NetworkInfo.Internet internet = checking("127.0.0.1:" + closedLoopbackPort(),
                    "127.0.0.1:" + server.getLocalPort()).checkNow();
            assertThat(internet.status()).isEqualTo("reachable");
            assertThat(internet.reason()).isEqualTo("1 of 2 targets answered.");
        }
    }

    @Test
    void answersAtOnceFromTheBackgroundCheck() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ConnectivityCheck check = checking("127.0.0.1:" + server.getLocalPort());
            assertThat(check.current().status()).isEqualTo("unknown");
            assertThat(check.current().reason()).startsWith("Not checked yet");
            check.start();
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> check.current().status().equals("reachable"));
            } finally {
                check.stop();
            }
            assertThat(check.isRunning()).isFalse();
        }
    }
}
