package io.hirepipe.gateway;

import io.hirepipe.testkit.AtOnce;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recruiter stays signed in with the refresh token, and logout ends that for good. A refresh token presented
 * again, after its first use or at the same instant, ends the whole sign-in.
 */
class RecruiterSessionTest extends GatewayTestSupport {

    @Test
    void aRefreshTokenTradesForANewPairOnceAndTheNewAccessTokenWorks() {
        JsonNode login = signIn();

        HttpResponse<String> refreshed = refresh(login.get("refreshToken").asString());

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode pair = json(refreshed);
        assertThat(pair.get("refreshToken").asString()).startsWith("rt_").isNotEqualTo(login.get("refreshToken").asString());
        assertThat(pair.get("refreshExpiresAt").asString()).isEqualTo(login.get("refreshExpiresAt").asString());
        assertThat(pair.get("tenantId").asString()).isEqualTo(ACME);
        assertThat(get("/api/v1/tests", "Authorization", bearer(pair.get("token").asString())).statusCode()).isEqualTo(200);
        assertThat(refresh(pair.get("refreshToken").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void aRefreshTokenPresentedTwiceEndsTheWholeSignIn() {
        JsonNode login = signIn();
        String first = login.get("refreshToken").asString();
        String second = json(refresh(first)).get("refreshToken").asString();

        // Someone replays the old one: refused, and the legitimate newer one stops working too.
        assertProblem(refresh(first), 401);
        assertProblem(refresh(second), 401);
    }

    @Test
    void oneRefreshTokenSentTwiceAtTheSameInstantEndsTheWholeSignIn() {
        // Several rounds, each a new sign-in: two refreshes racing may interleave either way, and every way must
        // end the sign-in.
        for (int round = 1; round <= 5; round++) {
            JsonNode login = signIn();
            String token = login.get("refreshToken").asString();

            List<HttpResponse<String>> answers = Stream.of(refreshAsync(token), refreshAsync(token))
                    .map(CompletableFuture::join).toList();

            List<HttpResponse<String>> traded = answers.stream().filter(r -> r.statusCode() == 200).toList();
            assertThat(traded).as("round %d: at most one of them trades the token", round).hasSizeLessThanOrEqualTo(1);
            assertThat(answers).as("round %d", round).anySatisfy(r -> {
                assertThat(r.statusCode()).isEqualTo(401);
                assertThat(json(r).get("type").asString()).endsWith("/invalid-refresh-token");
            });
            // The loser's presentation was a reuse: the whole sign-in is over, the winner's new pair included.
            for (HttpResponse<String> winner : traded) {
                assertProblem(refresh(json(winner).get("refreshToken").asString()), 401);
                assertThat(get("/api/v1/tests", "Authorization", bearer(json(winner).get("token").asString()))
                        .statusCode()).as("round %d: the winner's access token", round).isEqualTo(401);
            }
            assertThat(get("/api/v1/tests", "Authorization", bearer(login.get("token").asString())).statusCode())
                    .as("round %d: the sign-in's first access token", round).isEqualTo(401);
        }
    }

    @Test
    void logoutRevokesTheRefreshTokenAtOnce() {
        JsonNode login = signIn();
        String refreshToken = login.get("refreshToken").asString();

        HttpResponse<String> logout = postJson("/api/v1/auth/logout", "{\"refreshToken\":\"" + refreshToken + "\"}");

        assertThat(logout.statusCode()).isEqualTo(204);
        JsonNode problem = assertProblem(refresh(refreshToken), 401);
        assertThat(problem.get("type").asString()).endsWith("/invalid-refresh-token");
        // Twice is harmless, and an unknown token reveals nothing.
        assertThat(postJson("/api/v1/auth/logout", "{\"refreshToken\":\"" + refreshToken + "\"}").statusCode()).isEqualTo(204);
        assertThat(postJson("/api/v1/auth/logout",
                "{\"refreshToken\":\"rt_aaaaaaaaaaaaaaaaaaaaaaaa_" + "A".repeat(43) + "\"}").statusCode()).isEqualTo(204);
    }

    /**
     * A logout racing a refresh of the same sign-in, either way round: once both answered, nothing the refresh may
     * have handed out still works (the sign-in must not outlive its logout).
     */
    @Test
    void aRefreshRacingTheLogoutDoesNotOutliveIt() throws Exception {
        for (int round = 1; round <= 10; round++) {
            String token = signIn().get("refreshToken").asString();

            List<HttpResponse<String>> answers = AtOnce.run(2, call -> () -> call == 0
                    ? refresh(token)
                    : postJson("/api/v1/auth/logout", "{\"refreshToken\":\"" + token + "\"}"));

            assertThat(answers.get(1).statusCode()).as("round %d: the logout", round).isEqualTo(204);
            HttpResponse<String> refreshed = answers.get(0);
            if (refreshed.statusCode() == 200) {
                assertProblem(refresh(json(refreshed).get("refreshToken").asString()), 401);
                assertThat(get("/api/v1/tests", "Authorization", bearer(json(refreshed).get("token").asString()))
                        .statusCode()).as("round %d: the refreshed access token", round).isEqualTo(401);
            } else {
                assertThat(json(refreshed).get("type").asString()).as("round %d", round)
                        .endsWith("/invalid-refresh-token");
            }
        }
    }

    @Test
    void anotherSignInSurvivesALogout() {
        String mine = signIn().get("refreshToken").asString();
        String elsewhere = signIn().get("refreshToken").asString();

        postJson("/api/v1/auth/logout", "{\"refreshToken\":\"" + mine + "\"}");

        assertThat(refresh(elsewhere).statusCode()).isEqualTo(200);
    }

    @Test
    void forgedTamperedAndAccessTokensAreNoRefreshTokens() {
        JsonNode login = signIn();
        String refreshToken = login.get("refreshToken").asString();
        String tampered = refreshToken.substring(0, refreshToken.length() - 2) + (refreshToken.endsWith("AA") ? "BB" : "AA");

        assertProblem(refresh(tampered), 401);
        assertProblem(refresh(login.get("token").asString()), 401);
        assertProblem(refresh("rt_bbbbbbbbbbbbbbbbbbbbbbbb_" + "B".repeat(43)), 401);
    }

    @Test
    void badRefreshAndLogoutRequestsAreProblems() {
        for (String path : new String[]{"/api/v1/auth/refresh", "/api/v1/auth/logout"}) {
            assertProblem(postJson(path, "{}"), 400);
            assertProblem(postJson(path, "{\"refreshToken\":"), 400);
            assertProblem(postJson(path, "{\"refreshToken\":42}"), 400);
            assertProblem(postJson(path, "{\"refreshToken\":{\"$ne\":null}}"), 400);
            assertProblem(postJson(path, "{\"refreshToken\":\"" + "x".repeat(600) + "\"}"), 400);
        }
    }

    @Test
    void theOldRefreshPathIsAnAliasToo() {
        HttpResponse<String> response = postJson("/auth/refresh",
                "{\"refreshToken\":\"" + signIn().get("refreshToken").asString() + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Deprecation")).isPresent();
    }

    private JsonNode signIn() {
        HttpResponse<String> response = postJson("/api/v1/auth/login",
                "{\"email\":\"" + ACME_RECRUITER + "\",\"password\":\"" + ACME_PASSWORD + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Sent at once, not waiting for the answer, so two of them reach the gateway together. */
    private CompletableFuture<HttpResponse<String>> refreshAsync(String refreshToken) {
        return HTTP.sendAsync(request("/api/v1/auth/refresh").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + refreshToken + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
    }
}
