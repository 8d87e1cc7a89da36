package com.arasul.containers;

import static com.arasul.containers.DockerCli.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.arasul.ApplianceTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@ApplianceTest
class ImageOperationsTests {

    private static final String PREFIX = "dck-img-";
    private static final String APP = PREFIX + "app";

    @Autowired
    ImageOperations images;

    @BeforeAll
    static void build() {
        DockerCli.removeEverythingNamed(PREFIX);
        TestImages.sleeper(APP + ":v1", "LABEL app.version=1", "ENV APP_VERSION=1");
        TestImages.sleeper(APP + ":v2", "LABEL app.version=2", "ENV APP_VERSION=2");
    }

    @AfterAll
    static void cleanUp() {
        DockerCli.removeEverythingNamed(PREFIX);
    }

    @Test
    void recreatesAServiceFromANewImageKeepingItsConfigurationAndRollsBack() {
        docker("run", "-d", "--name", APP, "--label", ServiceLabels.SERVICE + "=" + APP, "--label", "custom=kept",
                "-e", "OWN=yes", "--restart", "unless-stopped", "--memory", "64m", APP + ":v1").orFail();
        String v1 = images.imageId(APP + ":v1").orElseThrow();
        String v2 = images.imageId(APP + ":v2").orElseThrow();

        ActionResult update = images.recreateWithImage(APP, APP + ":v2");

        assertThat(update.success()).as(update.message()).isTrue();
        assertThat(DockerCli.inspect(APP, "{{.Image}}")).isEqualTo(v2);
        assertThat(DockerCli.inspect(APP, "{{.State.Running}} {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.Memory}}"))
                .isEqualTo("true unless-stopped " + 64 * 1024 * 1024);
        assertThat(DockerCli.inspect(APP, "{{index .Config.Labels \"custom\"}} {{index .Config.Labels \"app.version\"}}"))
                .isEqualTo("kept 2");
        assertThat(DockerCli.inspect(APP, "{{json .Config.Env}}")).contains("OWN=yes", "APP_VERSION=2")
                .doesNotContain("APP_VERSION=1");
        String retired = APP + "-arasul-previous";
        assertThat(DockerCli.inspect(retired, "{{.State.Running}} {{.Image}}")).isEqualTo("false " + v1);

        String updatedId = DockerCli.inspect(APP, "{{.Id}}");
        assertThat(images.recreateWithImage(APP, APP + ":v2").success()).isTrue();
        assertThat(DockerCli.inspect(APP, "{{.Id}}")).as("repeating the step changes nothing").isEqualTo(updatedId);

        ActionResult rollback = images.rollback(APP);

        assertThat(rollback.success()).as(rollback.message()).isTrue();
        assertThat(DockerCli.inspect(APP, "{{.Image}} {{.State.Running}} {{.HostConfig.RestartPolicy.Name}}"))
                .isEqualTo(v1 + " true unless-stopped");
        assertThat(DockerCli.inspect(APP, "{{json .Config.Env}}")).contains("APP_VERSION=1");
        assertThat(docker("inspect", retired).exitCode()).isNotZero();
        assertThat(docker("inspect", updatedId).exitCode()).isNotZero();
    }

    @Test
    void discardsThePreviousContainerOnceAnUpdateIsCommitted() {
        String name = PREFIX + "committed";
        docker("run", "-d", "--name", name, "--label", ServiceLabels.SERVICE + "=" + name, APP + ":v1").orFail();
        assertThat(images.recreateWithImage(name, APP + ":v2").success()).isTrue();

        assertThat(images.discardPrevious(name).success()).isTrue();

        assertThat(docker("inspect", name + "-arasul-previous").exitCode()).isNotZero();
        assertThat(images.discardPrevious(name).success()).as("nothing left to discard is fine").isTrue();
        assertThat(images.rollback(name).success()).isFalse();
    }

    @Test
    void refusesToRecreateAContainerWithoutTheServiceLabel() {
        String name = PREFIX + "stranger";
        docker("run", "-d", "--name", name, APP + ":v1").orFail();

        assertThat(images.recreateWithImage(name, APP + ":v2").success()).isFalse();

        assertThat(DockerCli.inspect(name, "{{.Config.Image}} {{.State.Running}}")).isEqualTo(APP + ":v1 true");
    }

    @Test
    void loadsADockerSaveTarPlainOrGzipped(@TempDir Path dir) throws IOException {
        String image = PREFIX + "loaded:v1";
        TestImages.sleeper(image, "LABEL dck.loaded=yes");
        Path tar = dir.resolve("image.tar");
        docker("save", "-o", tar.toString(), image).orFail();
        Path gz = dir.resolve("image.tar.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(tar, out);
        }

        for (Path file : new Path[] {tar, gz}) {
            docker("rmi", "-f", image).orFail();
            ImageOperations.LoadResult loaded;
            try (InputStream in = Files.newInputStream(file)) {
                loaded = images.load(in);
            }
            assertThat(loaded.result().success()).as(loaded.result().message()).isTrue();
            assertThat(loaded.images()).containsExactly(image);
            assertThat(images.imageId(image)).isPresent();
        }

        assertThat(images.tag(image, PREFIX + "loaded", "v9").success()).isTrue();
        assertThat(images.imageId(PREFIX + "loaded:v9")).isEqualTo(images.imageId(image));
        assertThat(images.imageId(PREFIX + "never-built:v1")).isEmpty();
    }

    @Test
    void refusesToLoadSomethingThatIsNotAnImage() {
        var result = images.load(InputStream.nullInputStream());

        assertThat(result.result().success()).isFalse();
        assertThat(result.images()).isEmpty();
    }
}
