package io.hirepipe.localstack;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One headless Debian chromium process, driven through Debian's chromedriver (never a downloaded one), with a
 * temporary profile of its own. Starting one costs about two seconds on two cores; {@link #forget} makes a running
 * one as good as new for the next test in a fraction of that.
 */
final class Chromium {

    private static final Dimension WINDOW = new Dimension(1280, 1000);

    private final ChromeDriver driver;
    private final Path profile;
    /** The sites this browser was on: what they stored in it is what {@link #forget} clears. */
    private final Set<String> origins = new HashSet<>();

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Chromium start() {
        try {
            Path profile = Files.createTempDirectory("hirepipe-chromium");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CandidateBrowser.CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CandidateBrowser.CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(),
                    "--user-data-dir=" + profile);
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            Chromium chromium = new Chromium(driver, profile);
            chromium.measureAsFirstVisits();
            return chromium;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Notes the site of {@code url}, about to be opened, as one whose stored data {@link #forget} clears. */
    void visiting(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getAuthority() != null) {
            origins.add(uri.getScheme() + "://" + uri.getAuthority());
        }
    }

    /**
     * Makes this browser as a fresh one would be for the next test: one new tab (no history, no sessionStorage, no
     * DevTools overrides such as a phone's width or offline), every cookie and every visited site's stored data
     * deleted, every permission granted taken back.
     */
    void forget() {
        visiting(driver.getCurrentUrl());
        String fresh = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(fresh)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(fresh);
        driver.manage().window().setSize(WINDOW);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        for (String origin : origins) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        origins.clear();
        driver.executeCdpCommand("Browser.resetPermissions", Map.of());
        measureAsFirstVisits();
    }

    /** Every page load transfers everything (per tab), so each page is measured as a first visit would see it. */
    private void measureAsFirstVisits() {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
    }

    void quit() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // A leftover temporary profile harms nothing.
            }
        }
    }
}
