package com.arasul.e2e.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a test (no *Tests name, so the build never runs it): the dashboard's cold load in headless
 * Chromium, median of 10 fresh browser profiles each. Run it with
 * {@code mvn -B -q -pl e2e -am verify -Dtest=DashboardLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the figures go to target/dashboard-benchmark.md and the console, and by hand into docs/benchmarks.md.
 */
@DashboardTest
class DashboardLoadBenchmark {

    private static final int RUNS = 10;

    /** In the page: first contentful paint, bytes (transferSize: compressed bodies and headers) before it and in all. */
    private static final String MEASURE = """
            const mark = arguments[0];
            const nav = performance.getEntriesByType('navigation')[0];
            const paint = performance.getEntriesByName('first-contentful-paint')[0];
            const end = mark ? performance.getEntriesByName(mark)[0] : paint;
            const resources = performance.getEntriesByType('resource');
            const before = (t) => nav.transferSize + resources.filter(r => r.responseEnd <= t)
                .reduce((sum, r) => sum + r.transferSize, 0);
            return { fcp: paint.startTime, done: end.startTime, paintBytes: before(paint.startTime),
                     totalBytes: before(end.startTime) };""";

    @Test
    void coldLoadOfLoginAndOverview(DashboardAppliance appliance) throws Exception {
        String token = appliance.token();
        List<Map<String, Number>> login = new ArrayList<>();
        List<Map<String, Number>> overview = new ArrayList<>();
        for (int i = 0; i < RUNS + 1; i++) {
            try (Browser browser = appliance.browser("en")) {
                browser.go("/login");
                browser.await(By.cssSelector("form button[type=submit]"));
                Map<String, Number> first = measure(browser, null);
                // the overview with a token already in the tab, still with nothing cached
                try (Browser other = appliance.browser("en")) {
                    other.go("/api/health");
                    other.script("sessionStorage.setItem('arasul.token', arguments[0])", token);
                    other.go("/");
                    new WebDriverWait(other.driver(), Duration.ofSeconds(30)).until(d ->
                            (Boolean) other.script("return performance.getEntriesByName('arasul:first-live-value').length > 0"));
                    Map<String, Number> second = measure(other, "arasul:first-live-value");
                    if (i > 0) { // the first round warms the appliance's JIT, not the browser
                        login.add(first);
                        overview.add(second);
                    }
                }
            }
        }
        String report = """
                | Cold load (median of %d, headless Chromium, localhost) | to first paint | to done | bytes before first paint | bytes in total |
                |---|---|---|---|---|
                | Login page (done = first paint of the form) | %.0f ms | %.0f ms | %.1f KB | %.1f KB |
                | Overview after login (done = first live value) | %.0f ms | %.0f ms | %.1f KB | %.1f KB |
                """.formatted(RUNS,
                median(login, "fcp"), median(login, "done"), median(login, "paintBytes") / 1024, median(login, "totalBytes") / 1024,
                median(overview, "fcp"), median(overview, "done"), median(overview, "paintBytes") / 1024,
                median(overview, "totalBytes") / 1024);
        System.out.println(report);
        write(report);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> measure(Browser browser, String mark) {
        return (Map<String, Number>) browser.script(MEASURE, mark);
    }

    private static double median(List<Map<String, Number>> runs, String key) {
        double[] values = runs.stream().mapToDouble(m -> m.get(key).doubleValue()).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static void write(String report) throws IOException {
        Files.writeString(Path.of("target", "dashboard-benchmark.md"), report);
    }
}
