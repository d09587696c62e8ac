package io.hirepipe.localstack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The browser tests' axe-core scan still finds and names a violation, with the element it is on. */
class CandidateBrowserAxeTest {

    /** Two images without a text alternative: a critical violation (image-alt). */
    private static final String PAGE = "<!doctype html><html lang=en><title>t</title>"
            + "<meta name=viewport content='width=device-width'><main><h1>Here</h1>"
            + "<img id=first src='data:image/gif;base64,R0lGODlhAQABAAAAACw='>"
            + "<img id=second src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></main>";

    private HttpServer site;
    private String url;

    @BeforeEach
    void startSite() throws IOException {
        assumeTrue(CandidateBrowser.installed(), "chromium and chromedriver are not installed");
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        site.start();
        url = "http://127.0.0.1:" + site.getAddress().getPort() + "/";
    }

    @AfterEach
    void stopSite() {
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void aPageWithAnImageWithoutAlternativeFailsItsJudgementNamingEachImage() {
        try (CandidateBrowser browser = CandidateBrowser.open(new PageReport("axe-test.md"))) {
            browser.go(url);
            browser.awaitHeading("Here");
            assertThatThrownBy(() -> browser.capture("image-without-alt"))
                    .hasMessageContaining("serious or critical axe violations")
                    .hasMessageContaining("image-alt")
                    .hasMessageContaining("#first")
                    .hasMessageContaining("#second");
        }
    }
}
