package dev.microshop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Debian's Chromium driven by Playwright, headless, with a fresh profile and its background networking off (this
 * machine's network is closed; Chromium would keep trying). Each step's screenshot goes to target/screenshots/; every
 * page's console errors and uncaught errors are collected, and {@link #assertNoErrors} fails on any of its pages'.
 */
final class StorefrontBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MICROSHOP_CHROMIUM", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Microshop.HOME.resolve("system-tests/target/screenshots");
    /** axe-core, a devDependency of the storefront that its build installs. */
    private static final Path AXE = Microshop.HOME.resolve("storefront/node_modules/axe-core/axe.min.js");

    private final Playwright playwright;
    private final Browser browser;
    private final Map<Page, List<String>> errors = new ConcurrentHashMap<>();

    StorefrontBrowser() {
        assertThat(Files.isExecutable(CHROMIUM))
                .as(
                        "the browser tests need Chromium at %s (Debian: apt-get install chromium; elsewhere set"
                                + " MICROSHOP_CHROMIUM)",
                        CHROMIUM)
                .isTrue();
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** A new browser window with nothing stored (no cookie, no cart): a new shopper. */
    Page newShopper(String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale)
                .setViewportSize(390, 844)
                .setBaseURL(Microshop.GATEWAY));
        context.setDefaultTimeout(15_000);
        return watched(context.newPage());
    }

    /** Another tab of the same shopper: same cookies and storage. */
    Page newTab(Page of) {
        return watched(of.context().newPage());
    }

    private Page watched(Page page) {
        List<String> pageErrors = new CopyOnWriteArrayList<>();
        errors.put(page, pageErrors);
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                pageErrors.add(page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> pageErrors.add(page.url() + ": " + error));
        return page;
    }

    static void screenshot(Page page, String step) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(step + ".png"))
                .setFullPage(true));
    }

    /**
     * Runs axe-core's WCAG 2 A and AA rules on the page as it is now and fails on any violation. axe is evaluated
     * through the debugging protocol, so the page's Content-Security-Policy stays in force for the page's own code.
     */
    static void assertAccessible(Page page) {
        try {
            page.evaluate(Files.readString(AXE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Object violations = page.evaluate("""
                async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })).violations
                    .map(v => v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))""");
        assertThat((List<?>) violations)
                .as("axe-core violations on " + page.url())
                .isEmpty();
    }

    /** The pages' console errors and uncaught errors since they opened: none. */
    void assertNoErrors(Page... pages) {
        for (Page page : pages) {
            assertThat(errors.get(page)).as("console and page errors").isEmpty();
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
