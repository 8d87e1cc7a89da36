package com.arasul.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.platform.DataDirectory;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@FirstStartApplianceTest
class GeneratedAdminPasswordTests {

    @LocalServerPort
    int port;

    @Autowired
    DataDirectory dataDirectory;

    @Test
    void writesTheGeneratedPasswordOwnerOnlyAndItLogsIn() throws IOException {
        Path file = dataDirectory.config().resolve("admin-password");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20)
                .containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]").containsPattern("[^A-Za-z0-9]");

        ApiClient api = new ApiClient(port);
        var login = api.send(api.request("/api/auth/login", null).header("X-Forwarded-For", "198.51.100.7")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(
                        Map.of("username", "admin", "password", password)))));
        assertThat(login.statusCode()).isEqualTo(200);
    }

    @Test
    void keepsTheSigningKeyOwnerOnly() throws IOException {
        Path key = dataDirectory.config().resolve("jwt-signing.key");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory.config())))
                .isEqualTo("rwx------");
    }
}
