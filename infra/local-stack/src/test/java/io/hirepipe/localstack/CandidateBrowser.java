package io.hirepipe.localstack;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as a test uses it: a {@link Chromium} of its own, or one a {@link ChromiumPool} made fresh for it.
 * Knows how to look at a page the way the tests judge it: screenshots at 1280 and 375 px, axe-core, the page's
 * total transfer.
 */
final class CandidateBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);
    static final int PAGE_BUDGET_BYTES = 150 * 1024;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Pages longer than this (long lists) are cut: the top is what the screenshot is for. */
    private static final double MAX_SCREENSHOT_HEIGHT = 5000;

    private final Chromium chromium;
    private final ChromeDriver driver;
    private final PageReport report;
    /** Quits the chromium, or hands it back to its pool. */
    private final Runnable whenClosed;

    CandidateBrowser(Chromium chromium, PageReport report, Runnable whenClosed) {
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.report = report;
        this.whenClosed = whenClosed;
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A chromium of its own, quit when this is closed. */
    static CandidateBrowser open(PageReport report) {
        Chromium chromium = Chromium.start();
        return new CandidateBrowser(chromium, report, chromium::quit);
    }

    ChromeDriver driver() {
        return driver;
    }

    void go(String url) {
        chromium.visiting(url);
        driver.get(url);
    }

    void reload() {
        driver.navigate().refresh();
    }

    WebDriverWait waiting() {
        return waiting(WAIT);
    }

    /**
     * Pages are redrawn whole: an element read while it is replaced is simply read again. Looks every 100 ms, not
     * Selenium's 500: a page usually changes within a few dozen ms of a click, and the tests wait for hundreds of
     * such changes.
     */
    WebDriverWait waiting(Duration duration) {
        WebDriverWait wait = new WebDriverWait(driver, duration, POLL);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Waits for the page's main heading to contain {@code text}. */
    void awaitHeading(String text) {
        waiting().withMessage(() -> "heading '" + text + "'; the page says: " + mainText())
                .until(d -> d.findElements(By.cssSelector("main h1")).stream()
                        .anyMatch(h -> h.getText().contains(text)));
    }

    void awaitHeadingWithin(String text, Duration within) {
        waiting(within).withMessage(() -> "heading '" + text + "'; the page says: " + mainText())
                .until(d -> d.findElements(By.cssSelector("main h1")).stream()
                        .anyMatch(h -> h.getText().contains(text)));
    }

    void awaitText(String css, String text) {
        waiting().withMessage(() -> css + " showing '" + text + "'; it shows: " + textOf(css))
                .until(d -> textOf(css).contains(text));
    }

    String mainText() {
        return textOf("main");
    }

    String textOf(String css) {
        for (int attempt = 0; ; attempt++) {
            try {
                List<WebElement> found = driver.findElements(By.cssSelector(css));
                return found.isEmpty() ? "" : found.get(0).getText();
            } catch (StaleElementReferenceException redrawn) {
                if (attempt == 3) {
                    throw redrawn;
                }
            }
        }
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Clicks the choice whose label reads {@code text} (options are shuffled per session). */
    void choose(String text) {
        WebElement label = waiting().until(d -> d.findElements(By.cssSelector(".choice label")).stream()
                .filter(l -> l.getText().equals(text)).findFirst().orElse(null));
        label.click();
    }

    boolean isChosen(String text) {
        return driver.findElements(By.cssSelector(".choice")).stream()
                .filter(choice -> choice.findElement(By.tagName("label")).getText().equals(text))
                .anyMatch(choice -> choice.findElement(By.tagName("input")).isSelected());
    }

    void type(String text) {
        WebElement area = find("textarea");
        area.sendKeys(text);
    }

    String typedText() {
        return find("textarea").getDomProperty("value");
    }

    void button(String text) {
        WebElement button = waiting().until(d -> d.findElements(By.cssSelector("button")).stream()
                .filter(b -> b.getText().equals(text) && b.isDisplayed() && b.isEnabled()).findFirst().orElse(null));
        button.click();
    }

    void question(int number) {
        find("#navigator-list li:nth-child(" + number + ") button").click();
        awaitHeading("Question " + number);
    }

    void awaitSaved() {
        awaitText("#save-status", "Saved at");
    }

    /** Chrome's own network switch (DevTools network emulation): the page sees itself offline. */
    void offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of(
                "offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Lets the open page's origin write to the clipboard, or refuses it, as a person's answer to the browser would. */
    void allowClipboard(boolean allowed) {
        driver.executeCdpCommand("Browser.setPermission", Map.of("origin", script("return location.origin"),
                "permission", Map.of("name", "clipboard-write"), "setting", allowed ? "granted" : "denied"));
    }

    /**
     * What a paste gives now: Ctrl+V into a box added for it (and taken away again). The console's Permissions-Policy
     * forbids it reading the clipboard by script, as it should, so the test reads it the way a person would.
     */
    String clipboardText() {
        script("""
                const box = document.createElement('textarea');
                box.id = 'paste-here';
                document.body.append(box);
                box.focus();""");
        Map<String, Object> ctrlV = Map.of("modifiers", 2, "key", "v", "code", "KeyV", "windowsVirtualKeyCode", 86);
        Map<String, Object> down = new java.util.HashMap<>(ctrlV);
        down.put("type", "keyDown");
        down.put("commands", List.of("paste"));
        driver.executeCdpCommand("Input.dispatchKeyEvent", down);
        Map<String, Object> up = new java.util.HashMap<>(ctrlV);
        up.put("type", "keyUp");
        driver.executeCdpCommand("Input.dispatchKeyEvent", up);
        return (String) script("const box = document.getElementById('paste-here'); box.remove(); return box.value;");
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Lays the page out as a phone {@code width} px wide would, until {@link #fullWidth} (or a capture) ends it. */
    void narrow(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", 812, "deviceScaleFactor", 1, "mobile", true));
    }

    void fullWidth() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Whether the whole of {@code element} is inside the visible part of the page (not scrolled away in any box). */
    boolean onScreen(WebElement element) {
        settle();
        return (Boolean) script("""
                const box = arguments[0].getBoundingClientRect();
                const width = document.documentElement.clientWidth;
                const height = window.innerHeight;
                if (box.width === 0 || box.left < 0 || box.top < 0 || box.right > width || box.bottom > height) return false;
                // Not clipped by a scrolling box around it either: its middle is what the browser would hit there.
                const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                return hit !== null && (arguments[0] === hit || arguments[0].contains(hit));""", element);
    }

    /** Where {@code element} is, against the visible part of the page, for a failure's message. */
    String whereIs(WebElement element) {
        return String.valueOf(script("""
                const box = arguments[0].getBoundingClientRect();
                const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                return `box ${Math.round(box.left)},${Math.round(box.top)} to ${Math.round(box.right)},${Math.round(box.bottom)}`
                  + ` in a ${document.documentElement.clientWidth}x${window.innerHeight} view; its middle shows `
                  + (hit ? hit.outerHTML.slice(0, 120) : 'nothing');""", element));
    }

    /** Presses Tab until {@code target} has focus, and checks the focus is visible on the way. */
    WebElement tabTo(Predicate<WebElement> target, String what) {
        Actions keys = new Actions(driver);
        for (int i = 0; i < 40; i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement active = driver.switchTo().activeElement();
            if (target.test(active)) {
                String outline = active.getCssValue("outline-style");
                assertThat(outline).as("visible focus on " + what).isNotEqualTo("none");
                return active;
            }
        }
        throw new AssertionError("Tab never reached " + what + "; the page says: " + mainText());
    }

    void chord(Keys modifier, String key) {
        new Actions(driver).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
    }

    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /**
     * Judges the page as it is now: screenshots at 1280 and 375 px (no horizontal scroll on the
     * small one), axe-core with no serious or critical violation, and the total bytes transferred
     * since the page was loaded under the budget. Each result goes into the report.
     */
    void capture(String pageName) {
        judge(pageName, false);
    }

    /** Like {@link #capture}, but no axe violation of any impact is allowed, at 1280 nor at 375 px. */
    void captureWithoutAnyViolation(String pageName) {
        judge(pageName, true);
    }

    private void judge(String pageName, boolean noViolationAtAll) {
        fullWidth(); // a page looked at narrow is judged at both widths too, its "-1280" picture at 1280 px
        settle();
        screenshot(pageName + "-1280");
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
        try {
            settle();
            long scrollWidth = ((Number) script("return document.documentElement.scrollWidth")).longValue();
            long viewport = ((Number) script("return document.documentElement.clientWidth")).longValue();
            assertThat(scrollWidth).as(pageName + " at 375 px has no horizontal scroll").isLessThanOrEqualTo(viewport);
            screenshot(pageName + "-375");
            if (noViolationAtAll) {
                assertNoViolation(pageName + " at 375 px", axe());
            }
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        settle();

        Results axe = axe();
        if (noViolationAtAll) {
            assertNoViolation(pageName + " at 1280 px", axe);
        }
        List<Rule> serious = axe.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        long bytes = ((Number) script("""
                const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                return entries.reduce((sum, entry) => sum + (entry.transferSize || 0), 0);""")).longValue();
        report.add(pageName, bytes, axe.getViolations().size(), serious.size(),
                serious.stream().map(Rule::getId).toList());
        assertThat(serious).as(pageName + ": serious or critical axe violations " + serious.stream()
                .map(rule -> rule.getId() + " " + rule.getNodes().stream().map(n -> n.getTarget().toString()).toList())
                .toList()).isEmpty();
        assertThat(bytes).as(pageName + ": total transfer").isPositive().isLessThan(PAGE_BUDGET_BYTES);
    }

    /**
     * axe-core as {@code axe.run} in the page. The builder's default (runPartial in each frame, then finishRun in a tab
     * it opens and closes for every scan) exists for cross-origin frames, which no page here has, and cost most of
     * each scan's time. Passes and inapplicable rules are left out of the results (nothing reads them); violations
     * come whole, every rule run as before.
     */
    private Results axe() {
        AxeRunOptions violationsOnly = new AxeRunOptions();
        violationsOnly.setResultTypes(List.of("violations"));
        return new AxeBuilder().setLegacyMode(true).withOptions(violationsOnly).analyze(driver);
    }

    private static void assertNoViolation(String what, Results axe) {
        assertThat(axe.getViolations()).as(what + ": axe violations " + axe.getViolations().stream()
                .map(rule -> rule.getImpact() + " " + rule.getId() + " " + rule.getNodes().stream()
                        .map(n -> n.getTarget().toString()).toList())
                .toList()).isEmpty();
    }

    private void settle() {
        ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
    }

    /** The window as it is now, saved at {@code target} (for pictures in the docs). */
    void saveScreenshot(Path target) {
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole page as it is now, from its top, under target/screenshots/{@code name}.png: what a reader of the
     * screenshots must judge (a report, a message) is often below the window's fold, most of all at 375 px.
     */
    void screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
        Map<?, ?> viewport = (Map<?, ?>) metrics.get("cssLayoutViewport");
        double width = ((Number) viewport.get("clientWidth")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), MAX_SCREENSHOT_HEIGHT);
        // Capturing beyond the viewport lays the page out at its full height for a moment, which can move the
        // scroll position: it is put back, so that what a test checks next (what is on screen) is as before.
        Object scrolled = script("return [window.scrollX, window.scrollY]");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        script("window.scrollTo(arguments[0][0], arguments[0][1])", scrolled);
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        whenClosed.run();
    }
}
