package io.hirepipe.localstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The browser tests' axe-core scan still finds and names a violation, with the element it is on. */
class CandidateBrowserAxeTest {

    /** Two images without a text alternative: a critical violation (image-alt). */
    private static final String PAGE = "<!doctype html><html lang=en><title>t</title>"
            + "<meta name=viewport content='width=device-width'><main><h1>Here</h1>"
            + "<img id=first src='data:image/gif;base64,R0lGODlhAQABAAAAACw='>"
            + "<img id=second src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></main>";

    private OnePageSite site;

    @BeforeEach
    void startSite() {
        assumeTrue(CandidateBrowser.installed(), "chromium and chromedriver are not installed");
        site = OnePageSite.serving(PAGE, Map.of());
    }

    @AfterEach
    void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aPageWithAnImageWithoutAlternativeFailsItsJudgementNamingEachImage() {
        try (CandidateBrowser browser = CandidateBrowser.open(new PageReport("axe-test.md"))) {
            browser.go(site.url());
            browser.awaitHeading("Here");
            assertThatThrownBy(() -> browser.capture("image-without-alt"))
                    .hasMessageContaining("serious or critical axe violations")
                    .hasMessageContaining("image-alt")
                    .hasMessageContaining("#first")
                    .hasMessageContaining("#second");
        }
    }
}
