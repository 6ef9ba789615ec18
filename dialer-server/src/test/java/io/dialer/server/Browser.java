/*
 * Dialer server tests.
 */
package io.dialer.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class: Debian's {@code /usr/bin/chromium} driven through
 * {@code /usr/bin/chromedriver} (never a browser or driver Selenium Manager would download), with a desktop
 * (1280×720) or phone (360×740, touch, as a phone's browser lays pages out) viewport, explicit waits on conditions
 * with a hard limit, the browser's console read back (a Content-Security-Policy violation is a test failure), and
 * screenshots of the viewport into {@code docs/console/}.
 */
final class Browser implements AutoCloseable
{
    static final String CHROMIUM = System.getProperty("dialer.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("dialer.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of(System.getProperty("user.dir")).resolve("../docs/console").normalize();
    static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String origin;
    private final List<String> consoleErrors = new ArrayList<>();

    private Browser(final ChromeDriver driver, final String origin)
    {
        this.driver = driver;
        this.origin = origin;
    }

    /**
     * Skips the test class on a machine without the browser and its driver, but fails it on CI, which must have
     * installed them (.ci/run): a browser test never passes by not running there.
     */
    static void assumeAvailable()
    {
        final boolean available = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        final String reason = CHROMIUM + " and " + CHROMEDRIVER + " are needed (apt-get install chromium " +
            "chromium-driver): browser tests skipped";
        if (!available && "true".equals(System.getenv("CI")))
        {
            throw new IllegalStateException(reason.replace("skipped", "CI must install them"));
        }
        Assumptions.assumeTrue(available, reason);
    }

    static Browser open(final String origin)
    {
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--disable-extensions", "--no-first-run", "--no-default-browser-check", "--lang=en-US",
            "--force-device-scale-factor=1", "--hide-scrollbars", "--window-size=1280,720",
            "--disable-features=Translate,MediaRouter,OptimizationHints", "--mute-audio");
        final LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .withSilent(true)
            .build();
        final ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        final Browser browser = new Browser(driver, origin);
        browser.desktop();
        return browser;
    }

    WebDriver driver()
    {
        return driver;
    }

    /**
     * The desktop viewport: 1280×720.
     */
    Browser desktop()
    {
        return viewport(1280, 720, false);
    }

    /**
     * A phone's viewport: 360×740, touch, the page laid out for a phone (its viewport meta honoured).
     */
    Browser phone()
    {
        return viewport(360, 740, true);
    }

    private Browser viewport(final int width, final int height, final boolean mobile)
    {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
            "deviceScaleFactor", 1, "mobile", mobile));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", mobile));
        return this;
    }

    Browser go(final String path)
    {
        driver.get(origin + path);
        return this;
    }

    /**
     * Signs in through the sign-in page (signed out first) and waits for the console of the role.
     */
    Browser signIn(final String name, final String password, final String console)
    {
        signOut();
        go("/");
        final WebElement nameInput = await(ExpectedConditions.elementToBeClickable(By.id("name")));
        nameInput.clear();
        nameInput.sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login button[type=submit]")).click();
        await(ExpectedConditions.urlContains(console));
        return this;
    }

    /**
     * Forgets the session: the browser has no cookie of the server any more.
     */
    Browser signOut()
    {
        go("/static/console.css");
        driver.manage().deleteAllCookies();
        return this;
    }

    <T> T await(final Function<WebDriver, T> condition)
    {
        return await(condition, WAIT);
    }

    <T> T await(final Function<WebDriver, T> condition, final Duration timeout)
    {
        try
        {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition::apply);
        }
        catch (final TimeoutException ex)
        {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + condition +
                "\n at " + driver.getCurrentUrl() + ", the page says:\n" + pageText() + "\nconsole: " +
                securityPolicyViolations() + " " + consoleErrors, ex);
        }
    }

    private String pageText()
    {
        try
        {
            return driver.findElement(By.tagName("body")).getText();
        }
        catch (final RuntimeException ex)
        {
            return "(no page: " + ex.getMessage() + ")";
        }
    }

    WebElement visible(final By by)
    {
        return await(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits for an element's text to contain a string.
     */
    WebElement text(final By by, final String contains)
    {
        await(ExpectedConditions.textToBePresentInElementLocated(by, contains));
        return driver.findElement(by);
    }

    WebElement find(final By by)
    {
        return driver.findElement(by);
    }

    List<WebElement> all(final By by)
    {
        return driver.findElements(by);
    }

    Object script(final String js, final Object... args)
    {
        return ((JavascriptExecutor)driver).executeScript(js, args);
    }

    /**
     * How far the page is wider than the viewport, in CSS pixels (0: no horizontal scrolling).
     */
    long overflowX()
    {
        return ((Number)script("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)" +
            " - window.innerWidth;")).longValue();
    }

    /**
     * The console's errors so far that say the Content-Security-Policy refused something (inline script or style,
     * a resource from elsewhere); other console messages are kept out.
     */
    List<String> securityPolicyViolations()
    {
        for (final LogEntry entry : driver.manage().logs().get(LogType.BROWSER))
        {
            consoleErrors.add(entry.getLevel() + " " + entry.getMessage());
        }
        return consoleErrors.stream().filter((m) -> m.contains("Content Security Policy") ||
            m.contains("Refused to")).toList();
    }

    /**
     * Saves the viewport as {@code docs/console/NAME.png}.
     */
    Path screenshot(final String name)
    {
        try
        {
            Files.createDirectories(SCREENSHOTS);
            final Path file = SCREENSHOTS.resolve(name + ".png");
            script("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close()
    {
        driver.quit();
    }
}
