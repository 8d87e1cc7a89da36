package com.arasul.updates.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.arasul.platform.DataDirectory;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upload streams once, straight into the incoming folder, through the real embedded Tomcat: while
 * a package is half sent, its file in the incoming folder already holds what arrived, and neither
 * Tomcat's temporary folder nor the multipart location holds a spooled copy of it.
 */
@IntakeTest
class UploadStreamingTests {

    private static final int SIZE = 6 << 20;
    private static final String BOUNDARY = "arasul-streaming-test";

    @LocalServerPort int port;
    @Autowired IntakeFolders folders;
    @Autowired DataDirectory data;
    @Autowired ServletContext servletContext;
    @Autowired MultipartConfigElement multipart;

    @Test
    void writesAHalfSentPackageStraightToTheIncomingFolderWithoutASpooledCopy() throws Exception {
        List<Path> spoolFolders = spoolFolders();
        Set<Path> before = filesIn(spoolFolders);
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.araupdate\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[SIZE]; // not a package: refused after it arrived, which ends the upload as well
        java.util.Arrays.fill(body, (byte) 'x');

        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/update/upload HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token()
                    + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: "
                    + (head.length + SIZE + tail.length) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            out.write(body, 0, SIZE / 2);
            out.flush();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(partialFiles())
                    .as("the package's own file grows in the incoming folder while the body arrives")
                    .singleElement().satisfies(f -> assertThat(Files.size(f)).isGreaterThanOrEqualTo(SIZE / 4)));
            assertThat(Files.size(partialFiles().getFirst())).isLessThanOrEqualTo(SIZE / 2);
            assertThat(filesIn(spoolFolders)).as("no spooled copy in " + spoolFolders).isEqualTo(before);

            out.write(body, SIZE / 2, SIZE - SIZE / 2);
            out.write(tail);
            out.flush();
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 422").contains("\"status\":\"REFUSED\"")
                    .contains("\"file_name\":\"slow.araupdate\"");
        }
        assertThat(folders.incoming()).as("the one copy is gone once checked").isEmptyDirectory();
        assertThat(filesIn(spoolFolders)).isEqualTo(before);
    }

    private List<Path> spoolFolders() {
        List<Path> spool = new ArrayList<>();
        if (servletContext.getAttribute(ServletContext.TEMPDIR) instanceof File tempdir) {
            spool.add(tempdir.toPath());
        }
        if (multipart.getLocation() != null && !multipart.getLocation().isBlank()) {
            spool.add(Path.of(multipart.getLocation()));
        }
        assertThat(spool).as("Tomcat's temporary folder is known").isNotEmpty();
        return spool;
    }

    private static Set<Path> filesIn(List<Path> folders) {
        return folders.stream().filter(Files::isDirectory).flatMap(folder -> {
            try (Stream<Path> files = Files.walk(folder)) {
                return files.filter(Files::isRegularFile).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).collect(Collectors.toSet());
    }

    private List<Path> partialFiles() throws IOException {
        try (Stream<Path> files = Files.list(folders.incoming())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private String token() throws IOException, InterruptedException {
        String password = Files.readString(data.config().resolve("admin-password")).strip();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/auth/login")).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            java.util.Map.of("username", "admin", "password", password)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            return JSON.readTree(login.body()).get("token").asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }
}
