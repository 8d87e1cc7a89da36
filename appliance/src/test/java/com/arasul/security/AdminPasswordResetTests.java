package com.arasul.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.platform.DataDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code scripts/arasul admin reset-password}: the way back in for someone at the box, through the data folder. */
@SecuredApplianceTest
class AdminPasswordResetTests {

    static final Path SCRIPT = Path.of("..", "scripts", "arasul");

    @Autowired
    ApiClient api;

    @Autowired
    DataDirectory data;

    @Test
    void theScriptPrintsANewPasswordOnceThatTheRunningApplianceTakesAndEndsTheOldSessions() throws Exception {
        String oldToken = api.token("admin", SecuredApplianceTest.ADMIN_PASSWORD);
        for (int i = 0; i < 10; i++) {
            api.loginFrom("127.0.0.4", "admin", "Wrong-Password-99!");
        }
        try {
            String printed = run(SCRIPT.toString(), "admin", "reset-password");
            Matcher shown = Pattern.compile("New password of admin \\(shown once\\): (\\S+)").matcher(printed);
            assertThat(shown.find()).as(printed).isTrue();
            String password = shown.group(1);
            Path file = data.config().resolve("admin-password-reset");

            await().atMost(Duration.ofSeconds(15)).until(() -> !Files.exists(file));
            assertThat(api.login("admin", password).statusCode()).isEqualTo(200);
            assertThat(api.loginFrom("127.0.0.4", "admin", password).statusCode()).as("lockouts forgotten").isEqualTo(200);
            assertThat(api.login("admin", SecuredApplianceTest.ADMIN_PASSWORD).statusCode()).isEqualTo(401);
            assertThat(api.get("/api/auth/me", oldToken).statusCode()).isEqualTo(401);
        } finally {
            restore();
        }
    }

    /** The other tests of the shared application log in as admin with the known password. */
    private void restore() throws IOException {
        Path file = data.config().resolve("admin-password-reset");
        Path tmp = Files.createTempFile(data.config(), ".reset", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, SecuredApplianceTest.ADMIN_PASSWORD + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file);
        await().atMost(Duration.ofSeconds(15)).until(() -> !Files.exists(file));
        assertThat(api.login("admin", SecuredApplianceTest.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }

    private String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ARASUL_DATA_DIR", data.root().toString());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
