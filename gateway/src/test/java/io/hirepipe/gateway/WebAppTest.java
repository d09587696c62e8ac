package io.hirepipe.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The candidate app on the API's origin: the page never cached, assets cached for good, strict headers. */
class WebAppTest extends GatewayTestSupport {

    private static final Pattern APP_SCRIPT = Pattern.compile("src=\"(/assets/[0-9a-f]{12}/app\\.js)\"");

    @ParameterizedTest
    @ValueSource(strings = {"/take", "/console"})
    void eachPageIsServedWithAStrictPolicyAndNoCaching(String path) {
        HttpResponse<String> page = get(path);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().allValues("Cache-Control")).containsExactly("no-store");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(page.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(page.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(page.headers().firstValue("Permissions-Policy")).hasValueSatisfying(
                value -> assertThat(value).contains("camera=()", "microphone=()"));
        assertThat(page.body()).as("no inline script or style: the policy would block them")
                .doesNotContain("<script>", "style=", "<style", "{{assets}}");
    }

    @Test
    void assetsAreImmutableUnderAVersionedPathAndOldVersionsAreGone() {
        Matcher script = APP_SCRIPT.matcher(get("/take").body());
        assertThat(script.find()).isTrue();

        HttpResponse<String> asset = get(script.group(1));

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().allValues("Cache-Control")).containsExactly("max-age=31536000, public, immutable");
        assertThat(asset.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("javascript"));
        assertThat(asset.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(get(script.group(1).replaceAll("/assets/[0-9a-f]{12}/", "/assets/000000000000/")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theConsolePageNamesItsVersionedModulesAndTheyAreServed() {
        Matcher script = Pattern.compile("src=\"(/assets/[0-9a-f]{12}/console/main\\.js)\"").matcher(get("/console").body());
        assertThat(script.find()).isTrue();

        HttpResponse<String> main = get(script.group(1));

        assertThat(main.statusCode()).isEqualTo(200);
        assertThat(main.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        // Its modules import each other relatively, so they come from the same versioned path.
        assertThat(main.body()).contains("from './api.js'");
        assertThat(get(script.group(1).replace("main.js", "api.js")).statusCode()).isEqualTo(200);
        assertThat(get(script.group(1).replace("console/main.js", "dom.js")).statusCode()).isEqualTo(200);
    }

    @Test
    void apiAnswersKeepWorkingUnderTheBrowserHeaders() {
        QUESTIONS.reply("/api/questions", request -> StubService.Reply.json(200, "{\"items\":[]}"));

        HttpResponse<String> response = get("/api/v1/questions", "Authorization", bearer(acmeRecruiterToken()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"items\":[]}");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("Content-Security-Policy")).hasSize(1);
    }
}
