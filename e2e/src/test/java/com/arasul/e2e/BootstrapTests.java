package com.arasul.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * `arasul bootstrap`, `status`, `validate-config` and `generate-secrets` against fixture root folders
 * (e2e/src/test/resources/box-fixtures): an AGX Orin, an Orin Nano and a plain x86 machine. No stack can
 * really start here (no images can be pulled), so Docker and curl are recorded stand-ins on PATH that
 * log every call; openssl, chown and the rest are real.
 */
class BootstrapTests {

    private static final Path REPOSITORY = ApplianceJar.locate().toAbsolutePath().getParent().getParent().getParent();
    private static final Path FIXTURES = REPOSITORY.resolve("e2e/src/test/resources/box-fixtures");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_SHOWN = "shown once, write it down): ";

    @TempDir
    Path work;

    record Run(int exitCode, String output) {
        JsonNode json() {
            return JSON.readTree(output.substring(output.indexOf('{')));
        }
    }

    @Test
    void bootstrapsAnAgxOrinAndStartsTheStackInTheSeedsOrder() throws Exception {
        Path root = fixture("agx-orin");

        Run run = arasul(root, "bootstrap", "--yes");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("[ok]     model", "bootstrap: all good", "smoke tables", "smoke minio");
        List<String> started = calls(root).stream().filter(call -> call.contains(" up -d --no-deps "))
                .map(call -> call.substring(call.lastIndexOf(' ') + 1)).toList();
        assertThat(started).containsExactly("postgres-db", "minio", "llm-service", "embedding-service", "reverse-proxy",
                "arasul", "n8n");
        assertThat(mode(root.resolve("etc/arasul/secrets/n8n_encryption_key"))).isEqualTo("rw-------");
        assertThat(mode(root.resolve("etc/arasul/secrets/postgres_password"))).isEqualTo("rw-r-----");
        assertThat(owner(root.resolve("etc/arasul/secrets/postgres_password"))).isEqualTo("70:900");
        assertThat(owner(root.resolve("var/lib/arasul/postgres"))).isEqualTo("70:70");
        assertThat(owner(root.resolve("var/lib/arasul/appliance"))).isEqualTo("900:900");
        assertThat(mode(root.resolve("etc/arasul/ca/ca.key"))).isEqualTo("rw-------");
        Run verify = run(root, List.of("openssl", "verify", "-CAfile", root.resolve("etc/arasul/tls/ca.crt").toString(),
                root.resolve("etc/arasul/tls/server.crt").toString()));
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        Run names = run(root, List.of("openssl", "x509", "-noout", "-ext", "subjectAltName", "-in",
                root.resolve("etc/arasul/tls/server.crt").toString()));
        assertThat(names.output()).contains("DNS:arasul.local", "DNS:arasul-box", "DNS:arasul-box.local",
                "IP Address:192.168.1.20");
    }

    @Test
    void changesNothingOnASecondRunAndShowsTheAdminPasswordOnlyOnce() throws Exception {
        Path root = fixture("agx-orin");
        Run first = arasul(root, "bootstrap", "--yes");
        Map<String, String> before = snapshot(root);

        Run second = arasul(root, "bootstrap", "--yes", "--json");

        assertThat(first.output()).containsOnlyOnce(ADMIN_SHOWN);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).doesNotContain(ADMIN_SHOWN);
        assertThat(second.json().get("changes").asInt()).isZero();
        assertThat(second.json().get("steps")).allSatisfy(step ->
                assertThat(step.get("status").asString()).as(step.toString()).isIn("ok", "warn"));
        assertThat(snapshot(root)).isEqualTo(before);
    }

    @Test
    void printsWhatADryRunWouldChangeAndChangesNothing() throws Exception {
        Path root = fixture("agx-orin");
        Map<String, String> before = snapshot(root);

        Run run = arasul(root, "bootstrap", "--dry-run");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("would: write the secret postgres_password",
                "would: create the local certificate authority", "would: start postgres-db minio");
        assertThat(snapshot(root)).isEqualTo(before);
        assertThat(calls(root)).noneMatch(call -> call.contains(" up "));
    }

    @Test
    void refusesAnOrinNanoWithItsReasonAndTouchesNothing() throws Exception {
        Path root = fixture("orin-nano");
        Map<String, String> before = snapshot(root);

        Run run = arasul(root, "bootstrap", "--yes", "--allow-non-jetson", "--json");

        assertThat(run.exitCode()).isEqualTo(10);
        JsonNode model = step(run.json(), "model");
        assertThat(model.get("status").asString()).isEqualTo("fail");
        assertThat(model.get("message").asString()).contains("Orin Nano", "too small", "AGX Orin");
        assertThat(step(run.json(), "memory").get("message").asString()).contains("less than the 16 GB");
        assertThat(snapshot(root)).isEqualTo(before);
    }

    @Test
    void refusesAPlainX86MachineUnlessItIsAllowedForDevelopment() throws Exception {
        Path root = fixture("x86");

        Run refused = arasul(root, "bootstrap", "--yes", "--json");
        Run allowed = arasul(root, "bootstrap", "--yes", "--json", "--allow-non-jetson");

        assertThat(refused.exitCode()).isEqualTo(10);
        assertThat(step(refused.json(), "model").get("message").asString()).contains("not a Jetson");
        assertThat(step(refused.json(), "model").get("suggestion").asString()).contains("--allow-non-jetson");
        assertThat(allowed.exitCode()).as(allowed.output()).isZero();
        assertThat(step(allowed.json(), "docker").get("status").asString()).isEqualTo("warn");
        assertThat(step(allowed.json(), "gpu").get("status").asString()).isEqualTo("warn");
    }

    @Test
    void reportsAServiceThatNeverBecomesHealthyWithItsOwnExitCode() throws Exception {
        Path root = fixture("agx-orin");
        Files.writeString(root.resolve(".fake/unhealthy"), "minio");

        Run run = arasul(root, Map.of("ARASUL_HEALTH_TIMEOUT", "0"), "bootstrap", "--yes", "--json");

        assertThat(run.exitCode()).isEqualTo(30);
        JsonNode minio = step(run.json(), "start minio");
        assertThat(minio.get("message").asString()).isEqualTo("minio did not become healthy within 0 s (last state: unhealthy)");
        assertThat(minio.get("suggestion").asString()).contains("logs minio");
        assertThat(calls(root)).noneMatch(call -> call.endsWith("up -d --no-deps llm-service"));
    }

    @Test
    void validatesTheConfigurationAndRepairsAMissingSecret() throws Exception {
        Path root = fixture("agx-orin");
        arasul(root, "bootstrap", "--yes");
        Files.delete(root.resolve("etc/arasul/secrets/minio_secret_key"));
        Files.setPosixFilePermissions(root.resolve("etc/arasul/secrets/n8n_api_key"), PosixFilePermissions.fromString("rw-r--r--"));

        Run broken = arasul(root, "validate-config", "--json");
        Run repair = arasul(root, "generate-secrets");
        Run fixed = arasul(root, "validate-config");

        assertThat(broken.exitCode()).isEqualTo(20);
        assertThat(step(broken.json(), "secret minio_secret_key").get("message").asString()).contains("missing");
        assertThat(step(broken.json(), "secret n8n_api_key").get("message").asString()).contains("644");
        assertThat(repair.exitCode()).as(repair.output()).isZero();
        assertThat(fixed.exitCode()).as(fixed.output()).isZero();
        assertThat(mode(root.resolve("etc/arasul/secrets/n8n_api_key"))).isEqualTo("rw-------");
        assertThat(calls(root)).anyMatch(call -> call.contains(" config -q"));
    }

    @Test
    void reportsTheStatusOfEachService() throws Exception {
        Path root = fixture("agx-orin");
        arasul(root, "bootstrap", "--yes");
        Files.writeString(root.resolve(".fake/unhealthy"), "n8n");

        Run run = arasul(root, "status", "--json");

        assertThat(run.exitCode()).isEqualTo(30);
        assertThat(step(run.json(), "postgres-db").get("status").asString()).isEqualTo("ok");
        assertThat(step(run.json(), "n8n").get("message").asString()).isEqualTo("n8n is unhealthy");
    }

    @Test
    void neverPrintsOrLogsASecret() throws Exception {
        Path root = fixture("agx-orin");
        List<Run> runs = new ArrayList<>();
        runs.add(arasul(root, "bootstrap", "--yes"));
        runs.add(arasul(root, "bootstrap", "--yes", "--json"));
        runs.add(arasul(root, "validate-config", "--json"));
        runs.add(arasul(root, "generate-secrets"));
        runs.add(arasul(root, "status"));
        String admin = Files.readString(root.resolve("etc/arasul/secrets/admin_password"));
        String everything = String.join("\n", runs.stream().map(Run::output).toList()) + String.join("\n", calls(root));

        try (Stream<Path> secrets = Files.list(root.resolve("etc/arasul/secrets"))) {
            for (Path secret : secrets.toList()) {
                String value = Files.readString(secret).strip();
                assertThat(value).as(secret.getFileName().toString()).hasSizeGreaterThanOrEqualTo(20);
                if (secret.getFileName().toString().equals("admin_password")) {
                    // the owner's first login needs it: shown once, on the first run, nowhere else
                    assertThat(everything).as("admin password").containsOnlyOnce(value);
                    assertThat(runs.get(0).output()).contains(ADMIN_SHOWN + admin);
                } else {
                    assertThat(everything).as(secret.getFileName().toString()).doesNotContain(value);
                }
            }
        }
        assertThat(Files.readString(root.resolve("etc/arasul/tls/server.key"))).isNotEmpty();
        assertThat(everything).doesNotContain("PRIVATE KEY");
    }

    private Path fixture(String name) throws Exception {
        Path root = work.resolve(name);
        // cp -a keeps what matters of a root file system (modes, the empty device-node stand-ins)
        assertThat(run(work, List.of("cp", "-a", FIXTURES.resolve(name).toString(), root.toString())).exitCode()).isZero();
        return root;
    }

    private Run arasul(Path root, String... arguments) throws Exception {
        return arasul(root, Map.of(), arguments);
    }

    private Run arasul(Path root, Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", REPOSITORY.resolve("scripts/arasul").toString()));
        command.addAll(List.of(arguments));
        Map<String, String> env = new TreeMap<>(environment);
        env.put("ARASUL_ROOT", root.toString());
        env.put("ARASUL_SHARE", REPOSITORY.toString());
        env.put("ARASUL_POLL_SECONDS", "0");
        env.put("ARASUL_ADDRESSES", "192.168.1.20");
        env.put("PATH", FIXTURES.resolve("bin") + ":" + System.getenv("PATH"));
        return run(root, command, env);
    }

    private static Run run(Path directory, List<String> command) throws Exception {
        return run(directory, command, Map.of());
    }

    private static Run run(Path directory, List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static List<String> calls(Path root) throws IOException {
        Path calls = root.resolve(".fake/calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private static JsonNode step(JsonNode report, String name) {
        for (JsonNode step : report.get("steps")) {
            if (step.get("name").asString().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + report);
    }

    /** Path → type, owner, mode and content hash of everything below {@code root} but the fakes' call log. */
    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                if (path.toString().contains("/.fake/")) {
                    continue;
                }
                String content = Files.isRegularFile(path)
                        ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))) : "dir";
                files.put(root.relativize(path).toString(), owner(path) + " " + mode(path) + " " + content);
            }
        }
        return files;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String owner(Path path) throws IOException {
        return Files.getAttribute(path, "unix:uid") + ":" + Files.getAttribute(path, "unix:gid");
    }
}
