package com.arasul.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scripts/arasul backup} and {@code restore} as someone at the box runs them, with the appliance
 * stopped: a backup of one appliance's data folder, a damaged copy refused, a "no" at the question
 * changing nothing, and a restore into another appliance's data folder that then starts with the first
 * one's database (its backup run is listed) and rules.
 */
class BackupCommandTests {

    private static final Path SCRIPT = Path.of("..", "scripts", "arasul").toAbsolutePath().normalize();
    private static final String PASSWORD = "E2e-Backup-Pass-1!";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    @Test
    void backupOfAStoppedApplianceRestoresIntoAnotherDataFolderAndADamagedOneIsRefused() throws Exception {
        Path first = Files.createDirectories(work.resolve("first"));
        String runId;
        try (ApplianceProcess appliance = start(first)) {
            String token = login(appliance);
            runId = call(appliance, "POST", "/api/backups", token).get("id").asString();
            appliance.terminate(Duration.ofSeconds(15));
        }
        Path firstData = first.resolve("data");
        Files.writeString(firstData.resolve("rules").resolve("healing").resolve("backup-marker.drl"),
                "// kept by the backup\n");

        Result backup = script(firstData, "", "backup");
        assertThat(backup.exit()).as(backup.output()).isZero();
        Path archive = Path.of(backup.stdout().strip().lines().toList().getLast());
        assertThat(archive).isRegularFile().hasParent(firstData.resolve("backups"));
        assertThat(archive.getFileName().toString()).matches("arasul-backup-\\d{8}T\\d{6}Z\\.tar");

        Path second = Files.createDirectories(work.resolve("second"));
        try (ApplianceProcess appliance = start(second)) {
            appliance.terminate(Duration.ofSeconds(15));
        }
        Path secondData = second.resolve("data");

        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x55;
        Path damaged = Files.write(work.resolve("damaged.tar"), bytes);
        Result refused = script(secondData, "", "restore", damaged.toString(), "--yes");
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("refused").contains("nothing was changed");

        Result declined = script(secondData, "n\n", "restore", archive.toString());
        assertThat(declined.exit()).as(declined.output()).isEqualTo(1);
        assertThat(declined.output()).contains("Continue? [y/N]").contains("nothing was changed");
        assertThat(secondData.resolve("rules/healing/backup-marker.drl")).doesNotExist();

        Result restored = script(secondData, "", "restore", archive.toString(), "--yes");
        assertThat(restored.exit()).as(restored.output()).isZero();
        assertThat(secondData.resolve("rules/healing/backup-marker.drl")).hasContent("// kept by the backup");

        try (ApplianceProcess appliance = start(second)) {
            JsonNode runs = call(appliance, "GET", "/api/backups", login(appliance)).get("runs");
            assertThat(runs.findValuesAsString("id")).as("the first appliance's backup run, from the restored database")
                    .contains(runId);
            List<String> cliRuns = new ArrayList<>();
            runs.forEach(run -> {
                if (run.get("trigger").asString().equals("cli")) {
                    cliRuns.add(run.get("status").asString() + " " + run.get("name").asString());
                }
            });
            assertThat(cliRuns).as("the command's own run, caught running by its dump, restored as the success it was")
                    .containsExactly("succeeded " + archive.getFileName());
        }
    }

    @Test
    void backupWithoutADatabaseExitsOneWithASentenceAndLeavesNoArchive() throws Exception {
        Path data = Files.createDirectories(work.resolve("empty").resolve("data"));

        Result result = script(data, "", "backup");

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("there is no database in").contains("start the appliance once");
        try (var left = Files.list(data.resolve("backups"))) {
            assertThat(left).isEmpty();
        }
    }

    /**
     * The command's backups are the appliance's too: recorded in {@code backup_runs} (trigger
     * {@code cli}), so the status and the dashboard count them. A full disk is a real one: a tmpfs of
     * 64 KiB mounted over the data folder's {@code backups/} (the test runs as root, as the build does).
     */
    @Test
    void aFullDiskExitsTwoLeavingNothingAndTheCommandsBackupsCountInTheAppliancesHistory() throws Exception {
        Path box = Files.createDirectories(work.resolve("box"));
        try (ApplianceProcess appliance = start(box)) {
            appliance.terminate(Duration.ofSeconds(15));
        }
        Path data = box.resolve("data");
        Path backups = data.resolve("backups");

        root("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", backups.toString());
        try {
            Result full = script(data, "", "backup");
            assertThat(full.exit()).as(full.output()).isEqualTo(2);
            assertThat(full.output()).contains("The disk is full").contains("nothing was kept");
            try (var left = Files.list(backups)) {
                assertThat(left).as("no partial archive, no staged dump").isEmpty();
            }
        } finally {
            root("umount", backups.toString());
        }

        Result backup = script(data, "", "backup");
        assertThat(backup.exit()).as(backup.output()).isZero();
        String name = Path.of(backup.stdout().strip().lines().toList().getLast()).getFileName().toString();

        try (ApplianceProcess appliance = start(box)) {
            JsonNode listing = call(appliance, "GET", "/api/backups", login(appliance));
            assertThat(listing.get("last_success").get("trigger").asString()).isEqualTo("cli");
            assertThat(listing.get("last_success").get("name").asString()).isEqualTo(name);
            assertThat(listing.get("backups").findValuesAsString("name")).contains(name);
            List<String> reasons = new ArrayList<>();
            listing.get("runs").forEach(run -> {
                if (run.get("status").asString().equals("failed")) {
                    reasons.add(run.get("reason").asString());
                }
            });
            assertThat(reasons).anySatisfy(reason -> assertThat(reason).startsWith("The disk is full"));
        }
    }

    /** Runs a command that needs root (mount, umount) and insists that it worked. */
    private static void root(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s (needs root, as scripts/arasul test runs): %s", String.join(" ", command), output)
                .isZero();
    }

    private ApplianceProcess start(Path workDir) throws InterruptedException {
        ApplianceProcess appliance = ApplianceProcess.start(ApplianceJar.locate(), List.of("-XX:+UseSerialGC", "-Xmx192m"),
                Map.of("ARASUL_ADMIN_PASSWORD", PASSWORD), workDir);
        appliance.awaitReady(Duration.ofMinutes(4));
        return appliance;
    }

    private static String login(ApplianceProcess appliance) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(appliance.uri("/api/auth/login")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", "admin", "password", PASSWORD))))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("token").asString();
    }

    private static JsonNode call(ApplianceProcess appliance, String method, String path, String token)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(appliance.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() / 100).as(response.body()).isEqualTo(2);
        return JSON.readTree(response.body());
    }

    private record Result(int exit, String stdout, String output) {
    }

    /** Runs {@code scripts/arasul ARGS} on the data folder with {@code input} typed at it. */
    private Result script(Path dataDir, String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("ARASUL_DATA_DIR", dataDir.toString());
        builder.environment().put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("scripts/arasul %s finished", String.join(" ", args)).isTrue();
        String stdout = Files.readString(out);
        return new Result(process.exitValue(), stdout, stdout + Files.readString(err));
    }
}
