package com.arasul.e2e.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: explicit binary and driver, a fresh
 * profile, nothing that talks to the network on its own. One per test; closing it removes the profile.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("arasul.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("arasul.chromedriver", "/usr/bin/chromedriver"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Selenium warns on every start that it has no CDP bindings for this Chromium: none are used. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private boolean closed;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /**
     * @param base        e.g. http://127.0.0.1:41234
     * @param language    the browser's preferred language (de or en)
     * @param width       window width in CSS pixels
     * @param height      window height
     * @param mobile      emulate a phone (touch, device pixel ratio 3) at that size
     */
    public static Browser open(String base, String language, int width, int height, boolean mobile) {
        try {
            Path profile = Files.createTempDirectory("arasul-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                    "--user-data-dir=" + profile, "--lang=" + language, "--window-size=" + width + "," + height);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            // the console is read back: a refused inline style or script shows up there
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            if (mobile) {
                options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                        Map.of("width", width, "height", height, "pixelRatio", 3.0, "touch", true)));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            if (!mobile) {
                driver.manage().window().setSize(new Dimension(width, height));
            }
            return new Browser(driver, profile, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Browser open(String base, String language) {
        return open(base, language, 1280, 900, false);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return (String) script("return location.pathname");
    }

    /** Waits up to {@code timeout} for an element that is displayed. */
    public WebElement await(By by, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement await(By by) {
        return await(by, Duration.ofSeconds(15));
    }

    public WebElement awaitText(By by, String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Fills the login form as a person would and submits it. */
    public Browser login(String username, String password) {
        WebElement user = await(By.name("username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = find(By.name("password"));
        secret.clear();
        secret.sendKeys(password);
        find(By.cssSelector("form button[type=submit]")).click();
        return this;
    }

    /** Logs in and waits for the shell (the navigation) to show. */
    public Browser loggedIn(String password) {
        go("/login").login("admin", password);
        await(By.cssSelector("header.top nav"));
        return this;
    }

    /** Switches the dashboard's language through its own switch. */
    public Browser language(String code) {
        WebElement select = await(By.cssSelector("label.language select"));
        new org.openqa.selenium.support.ui.Select(select).selectByValue(code);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> code.equals(script("return document.documentElement.lang")));
        return this;
    }

    /** A PNG of the whole viewport under target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-") + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console messages so far (each read once), e.g. Content Security Policy refusals. */
    public List<String> console() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** An element inside the shadow root of the element {@code host} finds (the rules editor lives in one). */
    public WebElement inShadow(By host, By inside, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(d -> {
            try {
                return d.findElement(host).getShadowRoot().findElement(inside);
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.NoSuchShadowRootException e) {
                return null;
            }
        });
    }

    /** Whether the page is wider than its viewport (something cut off or scrolling sideways). */
    public boolean overflowsHorizontally() {
        return (Boolean) script("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile left in /tmp is harmless
        }
    }
}
