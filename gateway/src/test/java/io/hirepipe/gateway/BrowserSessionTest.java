package io.hirepipe.gateway;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.CallerKind;
import io.hirepipe.testkit.OpenApiAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's sign-in: an HttpOnly session cookie, CSRF on cookie-authenticated writes, and a sign-out that sticks. */
class BrowserSessionTest extends GatewayTestSupport {

    private static final String COOKIE = "__Host-hirepipe-session";
    private static final String SESSION = "/api/v1/auth/session";

    @Autowired
    ReactiveMongoTemplate mongo;

    private record SignedIn(String cookie, String csrfToken, JsonNode body, String setCookie) {
        String cookieHeader() {
            return COOKIE + "=" + cookie;
        }
    }

    private SignedIn signIn() {
        HttpResponse<String> response = postJson(SESSION,
                "{\"email\":\"" + ACME_RECRUITER + "\",\"password\":\"" + ACME_PASSWORD + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String setCookie = sessionSetCookie(response);
        String value = HttpCookie.parse(setCookie).get(0).getValue();
        JsonNode body = json(response);
        return new SignedIn(value, body.get("csrfToken").asString(), body, setCookie);
    }

    private static String sessionSetCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }

    private HttpResponse<String> write(String path, String body, String... headers) {
        return send(request(path).headers(headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void signingInSetsAStrictHttpOnlySecureCookieAndTheConsoleActsAsTheRecruiter() {
        SignedIn session = signIn();

        HttpCookie cookie = HttpCookie.parse(session.setCookie()).get(0);
        assertThat(cookie.isHttpOnly()).as(session.setCookie()).isTrue();
        assertThat(cookie.getSecure()).as(session.setCookie()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getDomain()).isNull();
        assertThat(cookie.getMaxAge()).isPositive();
        assertThat(session.setCookie()).containsIgnoringCase("SameSite=Strict");
        assertThat(session.body().get("email").asString()).isEqualToIgnoringCase(ACME_RECRUITER);
        assertThat(session.body().get("tenantId").asString()).isEqualTo(ACME);
        assertThat(session.body().get("expiresAt").asString()).isNotBlank();
        assertThat(session.body().get("role").asString()).as("the seeded recruiter administers the tenant").isEqualTo("ADMIN");
        // Nothing a script could steal: the body names the user and the CSRF token, never the session itself.
        assertThat(session.body().toString()).doesNotContain(session.cookie());
        assertThat(session.body().has("token")).isFalse();

        HttpResponse<String> read = get("/api/v1/tests?limit=5", "Cookie", session.cookieHeader());

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        StubService.Received received = QUESTIONS.lastRequestTo("/api/tests");
        Caller caller = forwardedCaller(received);
        assertThat(caller.kind()).isEqualTo(CallerKind.RECRUITER);
        assertThat(caller.tenantId()).isEqualTo(ACME);
        assertThat(received.headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("Cookie"));

        HttpResponse<String> current = get(SESSION, "Cookie", session.cookieHeader());
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(json(current).get("csrfToken").asString()).isEqualTo(session.csrfToken());
        assertThat(current.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void aCookieAuthenticatedWriteWithoutTheCsrfTokenIsRefusedAndNeverReachesTheService() {
        SignedIn session = signIn();
        String path = "/api/v1/questions/csrf-probe/publish";

        JsonNode missing = assertProblem(write(path, "{}", "Cookie", session.cookieHeader()), 403);
        assertThat(missing.get("type").asString()).endsWith("/csrf-token-invalid");
        assertProblem(write(path, "{}", "Cookie", session.cookieHeader(), "X-CSRF-Token", "rt_forged"), 403);
        // Another session's token is no good either.
        assertProblem(write(path, "{}", "Cookie", session.cookieHeader(), "X-CSRF-Token", signIn().csrfToken()), 403);
        assertProblem(send(request(path).headers("Cookie", session.cookieHeader())
                .method("DELETE", HttpRequest.BodyPublishers.noBody())), 403);
        assertThat(QUESTIONS.requestsTo("/api/questions/csrf-probe/publish")).isEmpty();

        HttpResponse<String> allowed = write(path, "{}", "Cookie", session.cookieHeader(),
                "X-CSRF-Token", session.csrfToken());

        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        StubService.Received received = QUESTIONS.lastRequestTo("/api/questions/csrf-probe/publish");
        assertThat(forwardedCaller(received).tenantId()).isEqualTo(ACME);
        assertThat(received.headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("X-CSRF-Token"));
    }

    @Test
    void aBearerTokenNeedsNoCsrfTokenEvenWithAStaleCookieAlongside() {
        HttpResponse<String> response = write("/api/v1/questions/bearer-probe/publish", "{}",
                "Authorization", bearer(acmeRecruiterToken()), "Cookie", COOKIE + "=rt_stale");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSessionOnTheServerSoAReplayedCookieIsRefused() {
        SignedIn session = signIn();

        // Without the CSRF token nobody can sign the recruiter out, and the session lives on.
        assertProblem(send(request(SESSION).headers("Cookie", session.cookieHeader()).DELETE()), 403);
        assertThat(get("/api/v1/tests", "Cookie", session.cookieHeader()).statusCode()).isEqualTo(200);

        HttpResponse<String> out = send(request(SESSION).headers("Cookie", session.cookieHeader(),
                "X-CSRF-Token", session.csrfToken()).DELETE());

        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(sessionSetCookie(out)).contains("Max-Age=0");
        OpenApiAssertions.assertDocumentsStatus(json(get("/api/docs/openapi.json")), "DELETE", SESSION, 204);
        JsonNode replayed = assertProblem(get("/api/v1/tests", "Cookie", session.cookieHeader()), 401);
        assertThat(replayed.get("type").asString()).endsWith("/session-expired");
        assertProblem(get(SESSION, "Cookie", session.cookieHeader()), 401);
        assertProblem(write("/api/v1/questions/after-logout/publish", "{}", "Cookie", session.cookieHeader(),
                "X-CSRF-Token", session.csrfToken()), 401);
        assertThat(QUESTIONS.requestsTo("/api/questions/after-logout/publish")).isEmpty();
        // Signing out again is harmless.
        assertThat(send(request(SESSION).headers("Cookie", session.cookieHeader()).DELETE()).statusCode()).isEqualTo(204);
    }

    @Test
    void anExpiredSessionAnswersA401ProblemAndClearsTheCookie() {
        SignedIn session = signIn();
        String id = session.cookie().split("_")[1];
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                Update.update("expiresAt", Instant.now().minus(Duration.ofMinutes(1))), "browser_sessions")
                .block(Duration.ofSeconds(10));

        HttpResponse<String> response = get("/api/v1/tests", "Cookie", session.cookieHeader());

        JsonNode problem = assertProblem(response, 401);
        assertThat(problem.get("type").asString()).endsWith("/session-expired");
        assertThat(sessionSetCookie(response)).contains("Max-Age=0");
    }

    @Test
    void badSignInsAndForgedCookiesAreProblems() {
        assertProblem(postJson(SESSION, "{}"), 400);
        assertProblem(postJson(SESSION, "{\"email\":"), 400);
        HttpResponse<String> wrong = postJson(SESSION,
                "{\"email\":\"" + ACME_RECRUITER + "\",\"password\":\"not the password\"}");
        assertProblem(wrong, 401);
        assertThat(wrong.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(COOKIE));

        for (String forged : List.of("rt_aaaaaaaaaaaaaaaaaaaaaaaa_" + "A".repeat(43), "garbage", "x".repeat(5000))) {
            assertProblem(get("/api/v1/tests", "Cookie", COOKIE + "=" + forged), 401);
        }
        assertProblem(get(SESSION), 401);
        // A stale cookie never stands in the way of signing in again.
        HttpResponse<String> again = send(request(SESSION).headers("Cookie", COOKIE + "=garbage",
                        "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + ACME_RECRUITER + "\",\"password\":\"" + ACME_PASSWORD + "\"}")));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    }

    @Test
    void aSessionOfAnotherTenantActsOnlyForThatTenant() {
        HttpResponse<String> response = postJson(SESSION,
                "{\"email\":\"" + GLOBEX_RECRUITER + "\",\"password\":\"" + GLOBEX_PASSWORD + "\"}");
        String cookie = HttpCookie.parse(sessionSetCookie(response)).get(0).getValue();

        assertThat(get("/api/v1/tests?tenant=" + ACME, "Cookie", COOKIE + "=" + cookie).statusCode()).isEqualTo(200);

        assertThat(forwardedCaller(QUESTIONS.lastRequestTo("/api/tests")).tenantId()).isEqualTo(GLOBEX);
    }
}
