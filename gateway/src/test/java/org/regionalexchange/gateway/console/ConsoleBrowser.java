package org.regionalexchange.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium: signs in through the real provider, and checks every screen it
 * shows — no Content-Security-Policy violation in the browser's log, no serious or critical
 * accessibility violation (axe-core, injected by the driver: not subject to the page's CSP) — and
 * keeps a screenshot of it.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final String AXE = readAxe();

    final ChromeDriver driver;
    private final String base;
    private final List<String> cspViolations = new ArrayList<>();

    ConsoleBrowser(String base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
                "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void waitFor(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    /** Signs in at the provider's form, starting from the sign-in page (in {@code lang}). */
    void signIn(String username, String lang) {
        open("/console/sign-in?lang=" + lang);
        checked("sign-in-" + lang);
        find("#sign-in").click();
        signInAtProvider(username);
    }

    void signInAtProvider(String username) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("username")).isEmpty());
        find("#username").sendKeys(username);
        find("#password").sendKeys(username.replace('@', '-'));
        find("button[type=submit]").click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(base + "/console"));
    }

    String sessionCookie(String name) {
        Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /**
     * Screenshot, CSP log, the P7 budget (no request to another host, page weight without images at
     * most 200 KB) and axe-core of the current screen; fails on a violation.
     */
    @SuppressWarnings("unchecked")
    void checked(String name) {
        screenshot(name);
        assertThat((List<String>) driver.executeScript("return performance.getEntriesByType('resource')"
                + ".map(e => e.name).filter(n => !n.startsWith(location.origin + '/'))"))
                .as("requests to another host from %s", name).isEmpty();
        Number weight = (Number) driver.executeScript("return [...performance.getEntriesByType('navigation'),"
                + " ...performance.getEntriesByType('resource')].reduce((sum, e) => sum + e.decodedBodySize, 0)");
        assertThat(weight.longValue()).as("page weight of %s (bytes)", name).isPositive().isLessThanOrEqualTo(200 * 1024);
        assertThat(newCspViolations()).as("CSP violations on %s", name).isEmpty();
        assertThat(accessibilityViolations()).as("serious or critical axe-core violations on %s", name).isEmpty();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser's reports of Content-Security-Policy violations since the last call. */
    List<String> newCspViolations() {
        List<String> found = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                found.add(entry.getMessage());
            }
        }
        cspViolations.addAll(found);
        return found;
    }

    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        driver.executeScript(AXE);
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))));
                """);
        return (List<String>) result;
    }

    boolean alertShown() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            return false;
        }
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String readAxe() {
        try (InputStream in = ConsoleBrowser.class.getResourceAsStream(
                "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core webjar missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
