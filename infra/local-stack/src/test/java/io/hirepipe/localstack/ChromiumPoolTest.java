package io.hirepipe.localstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A browser from the pool runs in the chromium an earlier test gave back, yet remembers nothing of that test: the
 * browser tests' independence rests on it.
 */
class ChromiumPoolTest {

    private static final String PAGE = "<!doctype html><html lang=en><title>t</title><main><h1>Here</h1></main>";

    private OnePageSite site;
    private final ChromiumPool browsers = new ChromiumPool();

    @BeforeEach
    void startSite() {
        assumeTrue(CandidateBrowser.installed(), "chromium and chromedriver are not installed");
        site = OnePageSite.serving(PAGE, Map.of("Set-Cookie", "server-session=abc; Path=/; HttpOnly; SameSite=Strict"));
    }

    @AfterEach
    void stop() {
        browsers.close();
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aBrowserFromThePoolIsTheSameChromiumButRemembersNothingOfTheTestBefore() {
        Object firstSession;
        try (CandidateBrowser first = browsers.open(new PageReport("pool-test.md"))) {
            firstSession = first.driver().getSessionId();
            first.go(site.url());
            first.awaitHeading("Here");
            first.script("document.cookie = 'script-cookie=1'; localStorage.setItem('kept', '1');"
                    + " sessionStorage.setItem('kept', '1');");
            first.allowClipboard(false);
            first.narrow(375);
            assertThat(first.driver().manage().getCookies()).as("cookies set on the way").hasSize(2);
        }

        try (CandidateBrowser next = browsers.open(new PageReport("pool-test.md"))) {
            assertThat(next.driver().getSessionId()).as("the same chromium, not a new one").isEqualTo(firstSession);
            assertThat(next.driver().getWindowHandles()).hasSize(1);
            assertThat(next.driver().manage().getCookies()).as("no cookie, HttpOnly or not").isEmpty();
            assertThat(next.script("return history.length")).as("a tab with no history").isEqualTo(1L);
            next.go(site.url() + "again");
            next.awaitHeading("Here");
            assertThat(next.script("return localStorage.length")).isEqualTo(0L);
            assertThat(next.script("return sessionStorage.length")).isEqualTo(0L);
            assertThat(next.script("return window.innerWidth")).as("the phone width is gone").isEqualTo(1280L);
            assertThat(next.script("return navigator.permissions.query({name: 'clipboard-write'}).then(p => p.state)"))
                    .as("the refused clipboard is no longer refused").isNotEqualTo("denied");
        }
    }
}
