package org.campusproctor.it;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A real browser for the screen tests: Debian's headless Chromium driven by its chromium-driver (explicit paths, so
 * Selenium Manager never runs and nothing is downloaded), a fresh profile, and the vision worker's test clip as the
 * fake webcam. Every page visited can be kept as a screenshot under {@code target/screenshots} (CI artefacts), and
 * checked with axe-core: serious or critical violations fail the test.
 *
 * <p>Where Chromium is missing the test fails, unless {@code -Dit.browser.skip=true} asks to skip the browser tests.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));
    static final Path CLIP = Path.of(System.getProperty("it.webcam.clip",
            "../vision-worker/src/test/resources/clip/webcam_clip_640x480_30fps.mjpeg")).toAbsolutePath().normalize();
    static final Path SCREENSHOTS = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
    private static final AtomicInteger SHOTS = new AtomicInteger();

    final ChromeDriver driver;
    private final Path profile;
    private final String name;

    private Browser(String name, ChromeDriver driver, Path profile) {
        this.name = name;
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips (with the reason) only when asked to; otherwise a missing browser is a failure. */
    static void assumeEnabled() {
        Assumptions.assumeFalse(Boolean.getBoolean("it.browser.skip"),
                "browser tests skipped: -Dit.browser.skip=true");
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("Browser tests need Debian's chromium and chromium-driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + " (.ci/run installs them; -Dit.browser.skip=true skips these tests)");
        }
        if (!Files.isReadable(CLIP)) {
            throw new AssertionError("The fake webcam clip is missing: " + CLIP);
        }
    }

    /** A fresh headless Chromium; {@code name} prefixes its screenshots. */
    static Browser open(String name) {
        assumeEnabled();
        try {
            Path profile = Files.createTempDirectory("campusproctor-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile,
                    "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                    "--use-file-for-fake-video-capture=" + CLIP);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            return new Browser(name, driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a page of the application (path below the context root). */
    Browser go(String path) {
        driver.get(Server.BASE + path);
        return this;
    }

    /** Logs in through the login page, as a person would. */
    Browser logIn(String username, String password) {
        go("/login.xhtml");
        driver.findElement(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login.xhtml"), Duration.ofSeconds(30));
        return this;
    }

    String path() {
        return driver.getCurrentUrl().substring(Server.BASE.length()).replaceFirst("[?#].*$", "");
    }

    WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    List<WebElement> findAll(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    WebElement waitVisible(String cssSelector, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    <T> T waitFor(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(50)).until(condition);
    }

    /** Runs script in the page; a returned promise is awaited. */
    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Keeps a PNG of the page as target/screenshots/NNN-name-step.png. */
    Path screenshot(String step) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(String.format("%03d-%s-%s.png", SHOTS.incrementAndGet(), name,
                    step.replaceAll("[^A-Za-z0-9_-]", "_")));
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Steps of a test; when one fails, a screenshot of the page as it was is kept (then the failure goes on). */
    void onFailureKeepScreenshot(Steps steps) throws Exception {
        try {
            steps.run();
        } catch (Exception | AssertionError e) {
            try {
                screenshot("FAILED");
            } catch (RuntimeException ignored) {
                // the browser itself may be gone
            }
            throw e;
        }
    }

    interface Steps {
        void run() throws Exception;
    }

    /** A screenshot, then axe-core on the page: serious and critical violations fail; returns every violation. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> checkPage(String step) {
        // a page at rest: no request pending and no button left in its loading state, which PrimeFaces ends a moment
        // after the response (minLoadAnimation), with its label faded meanwhile
        waitFor(d -> Boolean.TRUE.equals(script("return (!window.PrimeFaces || !PrimeFaces.ajax"
                + " || PrimeFaces.ajax.Queue.isEmpty()) && document.querySelectorAll('.ui-state-loading').length === 0;")),
                Duration.ofSeconds(30));
        screenshot(step);
        script(axeSource());
        Map<String, Object> results = (Map<String, Object>) script(
                "return axe.run(document, {resultTypes: ['violations']}).then(r => ({violations: r.violations.map(v => "
                        + "({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))}));");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) results.get("violations");
        List<String> severe = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                severe.add(v.get("impact") + " " + v.get("id") + " (" + v.get("help") + ") at " + v.get("nodes"));
            }
        }
        if (!severe.isEmpty()) {
            throw new AssertionError("axe-core on " + path() + " (" + step + "):\n" + String.join("\n", severe));
        }
        return violations;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new AssertionError("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
