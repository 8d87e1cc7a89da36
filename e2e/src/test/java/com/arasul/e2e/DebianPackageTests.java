package com.arasul.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package as jdeb builds it (packaging/): what it holds, its systemd units checked by
 * systemd-analyze, and a whole life on a Debian root file system made by debootstrap
 * (scripts/debian-test-image.sh): install, start the jar and get an answer, remove, purge. The container
 * has no systemd: a recording systemctl on its PATH shows what the maintainer scripts ask of it.
 */
class DebianPackageTests {

    private static final Path REPOSITORY = ApplianceJar.locate().toAbsolutePath().getParent().getParent().getParent();
    private static final Path TARGET = REPOSITORY.resolve("packaging/target");
    private static final String VERSION = System.getProperty("arasul.version", "0.1.0");
    private static final String CONTAINER = "deploy-deb-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String IMAGE = "arasul-test/debian:bookworm";

    @TempDir
    static Path work;

    @BeforeAll
    static void debianImage() throws Exception {
        command(List.of("bash", REPOSITORY.resolve("scripts/debian-test-image.sh").toString()), 900);
        assertThat(Docker.run("image", "inspect", IMAGE).exitCode()).isZero();
    }

    @AfterAll
    static void removeContainer() {
        Docker.run("rm", "-f", CONTAINER);
    }

    @Test
    void holdsTheJarTheComposeStackTheUnitsAndTheAvahiServiceForBothArchitectures() throws Exception {
        for (String architecture : List.of("arm64", "amd64")) {
            Path deb = deb(architecture);
            String info = command(List.of("dpkg-deb", "--info", deb.toString()), 60);
            String contents = command(List.of("dpkg-deb", "--contents", deb.toString()), 60);

            assertThat(info).contains("Package: arasul", "Version: " + VERSION, "Architecture: " + architecture,
                    "postinst", "prerm", "postrm", "conffiles");
            assertThat(contents).contains("./opt/arasul/arasul-appliance.jar", "./opt/arasul/compose/docker-compose.yml",
                    "./opt/arasul/compose/reverse-proxy/arasul.conf.template", "./opt/arasul/scripts/box.sh",
                    "./lib/systemd/system/arasul.service", "./lib/systemd/system/arasul-mdns.service",
                    "./etc/avahi/services/arasul.service", "./usr/bin/arasul -> /opt/arasul/bin/arasul");
        }
    }

    @Test
    void shipsUnitsThatSystemdAnalyzeAcceptsAndThatRestartAlwaysAfterDocker() throws Exception {
        Path root = Files.createDirectories(work.resolve("extracted"));
        command(List.of("dpkg-deb", "-x", deb("amd64").toString(), root.toString()), 120);
        Path unit = root.resolve("lib/systemd/system/arasul.service");
        // the units name their programs by installed paths; point them at the extracted copies
        Path units = Files.createDirectories(work.resolve("units"));
        for (String name : List.of("arasul.service", "arasul-mdns.service")) {
            Files.writeString(units.resolve(name), Files.readString(root.resolve("lib/systemd/system/" + name))
                    .replace("/opt/arasul/", root + "/opt/arasul/"));
        }

        String verify = command(List.of("systemd-analyze", "verify", units.resolve("arasul.service").toString(),
                units.resolve("arasul-mdns.service").toString()), 60);

        assertThat(verify).as("systemd-analyze verify").isEmpty();
        assertThat(Files.readString(unit)).contains("Restart=always", "After=docker.service", "Requires=docker.service",
                "NoNewPrivileges=yes", "ProtectSystem=strict", "CapabilityBoundingSet=\n", "User=arasul");
        assertThat(Files.readString(root.resolve("etc/avahi/services/arasul.service")))
                .contains("<type>_https._tcp</type>", "<host-name>arasul.local</host-name>", "<port>443</port>");
    }

    @Test
    void installsStartsAndAnswersThenKeepsTheDataOnRemovalAndPurge() throws Exception {
        String jdk = System.getProperty("java.home");
        Docker.run("run", "-d", "--name", CONTAINER, "--label", "arasul-test=deploy",
                "-v", deb("amd64") + ":/tmp/arasul.deb:ro", "-v", jdk + ":/opt/jdk:ro", IMAGE, "sleep", "infinity").orFail();
        // a systemctl that records what the maintainer scripts ask of systemd
        exec("mkdir -p /run/systemd/system && printf '#!/bin/sh\\necho \"$*\" >> /tmp/systemctl.log\\n' "
                + "> /usr/local/bin/systemctl && chmod +x /usr/local/bin/systemctl");

        Docker.Result install = exec("dpkg -i /tmp/arasul.deb");
        assertThat(install.exitCode()).as(install.out() + install.err()).isZero();
        assertThat(exec("id -u arasul; stat -c '%U %a' /var/lib/arasul/appliance; test -x /usr/bin/arasul && echo cli")
                .out()).isEqualTo("900\narasul 700\ncli\n");
        assertThat(exec("cat /tmp/systemctl.log").out()).contains("enable arasul.service");

        exec("su -s /bin/sh arasul -c 'JAVA_HOME=/opt/jdk SERVER_PORT=8080 ARASUL_HEALING_MODE=off "
                + "ARASUL_ADMIN_PASSWORD=Deb-Test-Pass-1! ARASUL_USB_ROOTS=/tmp/usb ARASUL_JAVA_OPTS=-Xmx256m "
                + "nohup arasul-appliance > /tmp/appliance.log 2>&1 & echo $! > /tmp/appliance.pid'");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(exec("exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /api/health HTTP/1.0\\r\\n\\r\\n' >&3 && cat <&3")
                        .out()).as(exec("tail -n 20 /tmp/appliance.log").out())
                        // 503 is an answer too: without a Docker engine in here the appliance reports itself degraded
                        .matches("(?s)HTTP/1.1 (200|503).*\"status\".*"));
        exec("kill $(cat /tmp/appliance.pid)");

        Docker.Result remove = exec("dpkg -r arasul");
        assertThat(remove.exitCode()).as(remove.err()).isZero();
        assertThat(exec("cat /tmp/systemctl.log").out()).contains("stop arasul.service");
        assertThat(exec("test -e /opt/arasul/arasul-appliance.jar || echo gone; test -d /var/lib/arasul/appliance/config "
                + "&& echo data; id -u arasul").out()).isEqualTo("gone\ndata\n900\n");

        Docker.Result purge = exec("dpkg -P arasul");
        assertThat(purge.exitCode()).as(purge.err()).isZero();
        assertThat(purge.out()).contains("the data in /var/lib/arasul is kept");
        assertThat(exec("test -e /etc/arasul || echo no-config; id -u arasul 2>/dev/null || echo no-user; "
                + "test -d /var/lib/arasul/appliance/config && echo data").out()).isEqualTo("no-config\nno-user\ndata\n");
    }

    private static Docker.Result exec(String script) {
        return Docker.run("exec", CONTAINER, "bash", "-c", script);
    }

    private static Path deb(String architecture) {
        Path deb = TARGET.resolve("arasul_" + VERSION + "_" + architecture + ".deb");
        assertThat(deb).as("build it first: mvn -B -pl packaging package").isRegularFile();
        return deb;
    }

    /** Runs a command; answers its combined output and fails when it exits with anything but 0. */
    private static String command(List<String> command, int timeoutSeconds) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output.strip();
    }
}
