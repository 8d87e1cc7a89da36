package com.arasul.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which paths the dashboard answers with its index: client routes yes, the API and missing files no. */
class DashboardResourcesTests {

    @Test
    void pagesAndTheirSubpathsAreClientRoutes() {
        assertThat(DashboardResources.isClientRoute("")).isTrue();
        assertThat(DashboardResources.isClientRoute("updates")).isTrue();
        assertThat(DashboardResources.isClientRoute("rules/healing/overload.drl")).isTrue();
    }

    @Test
    void theApiActuatorAssetsAndMissingFilesAreNot() {
        assertThat(DashboardResources.isClientRoute("api/no-such-thing")).isFalse();
        assertThat(DashboardResources.isClientRoute("actuator/health")).isFalse();
        assertThat(DashboardResources.isClientRoute("assets/index-gone.js")).isFalse();
        assertThat(DashboardResources.isClientRoute("favicon.ico")).isFalse();
        assertThat(DashboardResources.isClientRoute("v1/models")).isFalse();
    }
}
