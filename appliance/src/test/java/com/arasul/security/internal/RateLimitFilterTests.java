package com.arasul.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTests {

    private final RateLimitFilter filter = new RateLimitFilter(new ClientRateLimits(new SecurityProperties.RateLimits(
            true, 100, new SecurityProperties.Limit(2, Duration.ofMinutes(15)), null, null)),
            new ApiErrorWriter(JsonMapper.builder().build()));

    @Test
    void answers429WithRetryAfterInSecondsOnceTheBudgetIsSpent() throws Exception {
        assertThat(login("192.0.2.1").getStatus()).isEqualTo(200);
        assertThat(login("192.0.2.1").getStatus()).isEqualTo(200);

        MockHttpServletResponse refused = login("192.0.2.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        // two per 15 minutes refill one every 450 s
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(440L, 451L);
        assertThat(refused.getContentAsString()).contains("\"status\":429").contains("\"path\":\"/api/auth/login\"");
    }

    @Test
    void countsEachClientOnItsOwn() throws Exception {
        login("192.0.2.1");
        login("192.0.2.1");

        assertThat(login("192.0.2.2").getStatus()).isEqualTo(200);
    }

    @Test
    void leavesTheDashboardFilesAlone() {
        MockHttpServletRequest file = new MockHttpServletRequest("GET", "/assets/app.js");
        MockHttpServletRequest metrics = new MockHttpServletRequest("GET", "/api/metrics/live");
        MockHttpServletRequest other = new MockHttpServletRequest("GET", "/api/system/status");

        assertThat(RateLimitFilter.groupOf(file)).isNull();
        assertThat(RateLimitFilter.groupOf(metrics)).isEqualTo(ClientRateLimits.Group.METRICS);
        assertThat(RateLimitFilter.groupOf(other)).isEqualTo(ClientRateLimits.Group.API);
    }

    private MockHttpServletResponse login(String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
        request.setRemoteAddr(client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
