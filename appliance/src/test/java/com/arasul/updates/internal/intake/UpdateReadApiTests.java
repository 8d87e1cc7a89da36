package com.arasul.updates.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.arasul.platform.DataDirectory;
import com.arasul.updates.InstalledVersion;
import com.arasul.updates.format.SemanticVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Where updates stand: the current package with its progress, the history with events, the live stream. */
@IntakeTest
class UpdateReadApiTests {

    @Autowired MockMvc mvc;
    @Autowired InstalledVersion installed;
    @Autowired IntakeFolders folders;
    @Autowired DataDirectory data;
    @Autowired UpdateEventStreams streams;

    TestPackages packages;

    @BeforeEach
    void boxRunsVersionTwo() throws Exception {
        installed.record(SemanticVersion.parse("2.0.0"), null);
        packages = new TestPackages(Files.createTempDirectory(data.root(), "packages-")).trustedBy(folders.trustedKeys());
    }

    @Test
    void statusShowsTheReadyPackageWithItsStepsDoneAndHistoryListsItNewestFirstWithItsEvents() throws Exception {
        upload(packages.rules("2.2.0", "2.0.0"));
        upload(packages.rules("2.3.0", "2.0.0"));

        mvc.perform(get("/api/update/status").with(user("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timestamp").exists())
                .andExpect(jsonPath("$.current.status").value("READY"))
                .andExpect(jsonPath("$.current.version").value("2.3.0"))
                .andExpect(jsonPath("$.current.step").value("VALIDATE"))
                .andExpect(jsonPath("$.current.progress.done").value(3))
                .andExpect(jsonPath("$.current.progress.total").value(UpdateHistory.PATH.size()));

        mvc.perform(get("/api/update/history").param("limit", "2").with(user("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timestamp").exists())
                .andExpect(jsonPath("$.packages.length()").value(2))
                .andExpect(jsonPath("$.packages[0].version").value("2.3.0"))
                .andExpect(jsonPath("$.packages[1].version").value("2.2.0"))
                .andExpect(jsonPath("$.packages[0].events[0].step").value("RECEIVE"))
                .andExpect(jsonPath("$.packages[0].events[0].occurred_at").exists());
    }

    @Test
    void historyRefusesALimitOutOfRangeWithAnApiError() throws Exception {
        mvc.perform(get("/api/update/history").param("limit", "0").with(user("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.timestamp").exists())
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void theLiveStreamCarriesEveryEventOfAPackageAsItHappens() throws Exception {
        MvcResult stream = mvc.perform(get("/api/update/events").with(user("admin")))
                .andExpect(request().asyncStarted()).andReturn();
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams() >= 1);

        upload(packages.rules("2.4.0", "2.0.0"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stream.getResponse().getContentAsString())
                .contains("event:update").contains("\"step\":\"RECEIVE\"").contains("\"step\":\"VERIFY\"")
                .contains("is ready to install").contains("\"package_id\":"));
    }

    private void upload(Path file) throws Exception {
        mvc.perform(multipart("/api/update/upload")
                        .file(new MockMultipartFile("file", file.getFileName().toString(), "application/octet-stream",
                                Files.readAllBytes(file)))
                        .with(user("admin")).with(csrf()))
                .andExpect(status().isOk());
    }
}
