package dev.embargo.e2e.support;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Debian's Chromium, driven by Playwright, for the browser tests. No browser is ever downloaded
 * (none is reachable here): {@code EMBARGO_CHROMIUM} names the executable ({@code ./embargo test}
 * installs Debian's package and sets it), else {@code /usr/bin/chromium}. Each page gets a context
 * of its own, so one test's sign-in or reporter never leaks into another's. Screenshots are kept in
 * {@code end-to-end-tests/target/screenshots}; messages the page logs as errors (a
 * Content-Security- Policy violation, a failed script) are collected so a test can assert there
 * were none. Registered as an extension ({@code @RegisterExtension static Chromium chromium =
 * Chromium.launch()}), it keeps a screenshot of every page a failed test had open and closes the
 * browser after the class.
 */
public final class Chromium implements AutoCloseable, AfterAllCallback, TestWatcher {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;
    private final Map<Page, List<String>> pageErrors =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Path executable = executable();
        Playwright playwright =
                Playwright.create(
                        new Playwright.CreateOptions()
                                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser =
                playwright
                        .chromium()
                        .launch(
                                new BrowserType.LaunchOptions()
                                        .setExecutablePath(executable)
                                        .setHeadless(true)
                                        // As root, Chromium's sandbox cannot start; the closed
                                        // network makes its background
                                        // connections (updates, sync, safe browsing) fail noisily,
                                        // so they are switched off.
                                        .setArgs(
                                                List.of(
                                                        "--no-sandbox",
                                                        "--disable-gpu",
                                                        "--disable-quic",
                                                        "--no-first-run",
                                                        "--disable-background-networking",
                                                        "--disable-component-update",
                                                        "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    /** A new page in a fresh context (no cookies, no storage), English, a laptop-sized window. */
    public Page newPage() {
        BrowserContext context =
                browser.newContext(
                        new Browser.NewContextOptions()
                                .setLocale("en-GB")
                                .setTimezoneId("UTC")
                                .setViewportSize(1280, 900));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        pageErrors.put(page, errors);
        page.onConsoleMessage(
                message -> {
                    if ("error".equals(message.type())) {
                        errors.add(page.url() + ": " + message.text());
                    }
                });
        page.onPageError(error -> errors.add(page.url() + ": " + error));
        return page;
    }

    /** The whole page as {@code target/screenshots/<name>.png}. */
    public void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(
                new Page.ScreenshotOptions()
                        .setPath(SCREENSHOTS.resolve(name + ".png"))
                        .setFullPage(true));
    }

    /**
     * What axe-core finds against WCAG 2.x A and AA on the page as it stands (contrast, labels,
     * names, landmarks, ARIA use): one line per rule broken, with the elements that break it.
     */
    public List<String> accessibilityViolations(Page page) {
        return new AxeBuilder(page)
                        .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                        .analyze()
                        .getViolations()
                        .stream()
                        .map(
                                rule ->
                                        rule.getId()
                                                + ": "
                                                + rule.getHelp()
                                                + " "
                                                + rule.getNodes().stream()
                                                        .map(
                                                                node ->
                                                                        String.valueOf(
                                                                                node.getTarget()))
                                                        .toList())
                        .toList();
    }

    /**
     * What these pages logged as errors so far: CSP violations, uncaught exceptions, failed loads.
     */
    public List<String> errorsOn(Page... pages) {
        List<String> errors = new ArrayList<>();
        for (Page page : pages) {
            errors.addAll(pageErrors.getOrDefault(page, List.of()));
        }
        return errors;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        int n = 0;
        for (Page page : pageErrors.keySet()) {
            if (!page.isClosed()) {
                screenshot(page, "failed-" + context.getRequiredTestMethod().getName() + "-" + ++n);
            }
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        closePagesOfTheTest();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        closePagesOfTheTest();
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {}

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void closePagesOfTheTest() {
        pageErrors.keySet().forEach(page -> page.context().close());
        pageErrors.clear();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    private static Path executable() {
        String configured = System.getenv("EMBARGO_CHROMIUM");
        Path executable =
                Path.of(
                        configured == null || configured.isBlank()
                                ? "/usr/bin/chromium"
                                : configured);
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(
                    "No Chromium at "
                            + executable
                            + ": install Debian's 'chromium' package (./embargo test does, as root)"
                            + " or set EMBARGO_CHROMIUM to a Chromium executable.");
        }
        return executable;
    }
}
