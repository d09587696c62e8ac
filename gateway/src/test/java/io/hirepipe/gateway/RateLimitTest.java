package io.hirepipe.gateway;

import io.hirepipe.gateway.security.EdgeTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Budgets per client and route group (OWASP API4:2023, unrestricted resource consumption): a
 * client that exhausts its budget gets a 429 problem that says when to come back, other clients and
 * other groups are untouched, and the budget refills.
 */
class RateLimitTest extends EdgeTestSupport {

    private static final Pattern BULK = Pattern.compile("\"bulk\";r=(\\d+);t=(\\d+)");
    private static final String BULK_PATH = "/api/operations/scoring/dead-letters/d-1/replay";

    @Autowired
    EdgeTokens edgeTokens;

    @Test
    void aRecruiterOverABudgetGets429WithRetryAfterAndRateLimitHeadersWhileOthersGoOn() {
        String acme = acmeRecruiterToken();
        String globex = globexRecruiterToken();

        HttpResponse<String> first = bulk(acme);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("RateLimit-Policy")).hasValue("\"bulk\";q=" + BULK_LIMIT + ";w=5");
        Matcher remaining = BULK.matcher(first.headers().firstValue("RateLimit").orElseThrow());
        assertThat(remaining.matches()).isTrue();
        assertThat(Integer.parseInt(remaining.group(1))).isLessThan(BULK_LIMIT);

        HttpResponse<String> refused = firstRefusal(() -> bulk(acme));

        JsonNode problem = assertProblem(refused, 429);
        assertThat(problem.get("rateLimitGroup").asString()).isEqualTo("bulk");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 5L);
        assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(refused.headers().firstValue("RateLimit")).hasValue("\"bulk\";r=0;t=" + retryAfter);
        assertThat(problem.get("correlationId").asString()).isNotBlank();

        // Another recruiter has a budget of their own, and the same recruiter's reads are another group.
        assertThat(bulk(globex).statusCode()).isEqualTo(200);
        assertThat(get("/api/questions/q-budget", "Authorization", bearer(acme)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(retryAfter + 3)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(bulk(acme).statusCode()).isEqualTo(200));
    }

    @Test
    void anApiKeyHasABudgetOfItsOwnApartFromTheRecruiterWhoMadeIt() {
        String recruiter = globexRecruiterToken();
        HttpResponse<String> created = postJson("/api/v1/api-keys", "{\"name\":\"budget-" + UUID.randomUUID() + "\",\"scopes\":[\"operations:manage\",\"questions:read\"]}",
                "Authorization", bearer(recruiter));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = json(created).get("key").asString();

        HttpResponse<String> refused = firstRefusal(() -> postJson(BULK_PATH, "{}", "X-Api-Key", key));

        assertProblem(refused, 429);
        assertThat(get("/api/questions/q-key", "X-Api-Key", key).statusCode()).isEqualTo(200);
    }

    /** Sends until refused; the budget is small and its window long enough that this takes one window. */
    private static HttpResponse<String> firstRefusal(java.util.function.Supplier<HttpResponse<String>> call) {
        for (int i = 0; i <= BULK_LIMIT; i++) {
            HttpResponse<String> response = call.get();
            if (response.statusCode() == 429) {
                return response;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        throw new AssertionError("no 429 after " + (BULK_LIMIT + 1) + " calls");
    }

    private HttpResponse<String> bulk(String recruiterToken) {
        return postJson(BULK_PATH, "{}", "Authorization", bearer(recruiterToken));
    }

    @Test
    void aCandidateSessionsAutosavesHaveTheirOwnBudget() {
        String candidate = edgeTokens.candidate(ACME, "inv-autosave-" + UUID.randomUUID(),
                Instant.now().plus(Duration.ofHours(1))).value();
        String otherCandidate = edgeTokens.candidate(ACME, "inv-autosave-" + UUID.randomUUID(),
                Instant.now().plus(Duration.ofHours(1))).value();

        int saved = 0;
        HttpResponse<String> response;
        do {
            response = put("/api/candidate/assessment/answers/q1", "{\"sequence\":" + saved + "}", candidate);
            saved += response.statusCode() == 200 ? 1 : 0;
        } while (response.statusCode() == 200 && saved <= AUTOSAVE_LIMIT);

        assertThat(saved).isEqualTo(AUTOSAVE_LIMIT);
        JsonNode problem = assertProblem(response, 429);
        assertThat(problem.get("rateLimitGroup").asString()).isEqualTo("autosave");
        assertThat(put("/api/candidate/assessment/answers/q1", "{}", otherCandidate).statusCode()).isEqualTo(200);
    }

    @Test
    void oneInvitationTokenCannotBeExchangedInALoopButOtherTokensFromTheSameAddressCan() {
        String token = "guessed-" + UUID.randomUUID();
        for (int i = 0; i < INVITATION_TOKEN_LIMIT; i++) {
            assertThat(postJson("/auth/candidate", "{\"invitationToken\":\"" + token + "\"}").statusCode())
                    .isNotEqualTo(429);
        }

        HttpResponse<String> refused = postJson("/auth/candidate", "{\"invitationToken\":\"" + token + "\"}");

        JsonNode problem = assertProblem(refused, 429);
        assertThat(problem.get("rateLimitGroup").asString()).isEqualTo("invitation-token");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).doesNotContain(token);
        String another = "another-" + UUID.randomUUID();
        assertThat(postJson("/auth/candidate", "{\"invitationToken\":\"" + another + "\"}").statusCode())
                .isNotEqualTo(429);
        assertThat(management("/actuator/prometheus")).doesNotContain(token).doesNotContain(another);
    }

    @Test
    void limiterMetricsArePerGroupNeverPerClient() {
        String recruiter = acmeRecruiterToken();
        get("/api/questions/q-metrics", "Authorization", bearer(recruiter));

        String metrics = management("/actuator/prometheus");

        assertThat(metrics).contains("hirepipe_gateway_rate_limit_requests_total{")
                .containsPattern("hirepipe_gateway_rate_limit_requests_total\\{[^}]*group=\"reads\"[^}]*outcome=\"permitted\"")
                .contains("hirepipe_gateway_rate_limit_clients");
        assertThat(metrics).doesNotContain("recruiter:").doesNotContain("ip:127.0.0.1").doesNotContain(ACME + ":");
    }

    @Test
    void aBodyOverTheEdgeLimitIsRefusedWith413BeforeReachingAService() {
        String recruiter = acmeRecruiterToken();
        String huge = "{\"text\":\"" + "x".repeat(1_100_000) + "\"}";

        HttpResponse<String> response = postJson("/api/questions/q-huge/publish", huge, "Authorization",
                bearer(recruiter));

        assertProblem(response, 413);
        assertThat(QUESTIONS.requestsTo("/api/questions/q-huge/publish")).isEmpty();
    }

    private HttpResponse<String> put(String path, String body, String candidateToken) {
        return send(request(path).header("Authorization", bearer(candidateToken))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }
}
