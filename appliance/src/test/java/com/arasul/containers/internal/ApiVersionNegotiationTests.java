package com.arasul.containers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arasul.containers.DockerCli;
import com.arasul.containers.DockerEngine;
import org.junit.jupiter.api.Test;

class ApiVersionNegotiationTests {

    @Test
    void talksTheApiVersionTheEngineOffers() throws Exception {
        DockerEngine.require();
        String engine = DockerCli.docker("version", "--format", "{{.Server.APIVersion}}").orFail().out().strip();

        try (var docker = new DockerConnection(DockerTestProperties.forHost("unix:///var/run/docker.sock"))) {
            assertThat(docker.apiVersion()).isEqualTo(engine).isEqualTo("1.41");
            assertThat(docker.client().versionCmd().exec().getApiVersion()).isEqualTo(engine);
        }
    }

    @Test
    void capsAtTheNewestVersionDockerJavaKnows() {
        assertThat(ApiVersionNegotiator.choose("{\"Version\":\"29.0.1\",\"ApiVersion\":\"1.52\",\"MinAPIVersion\":\"1.44\"}")
                .getVersion()).isEqualTo("1.44");
        assertThat(ApiVersionNegotiator.choose("{\"ApiVersion\": \"1.43\"}").getVersion()).isEqualTo("1.43");
    }

    @Test
    void refusesAnAnswerWithoutAnApiVersion() {
        assertThatThrownBy(() -> ApiVersionNegotiator.choose("{\"message\":\"page not found\"}"))
                .isInstanceOf(DockerUnavailableException.class);
    }
}
