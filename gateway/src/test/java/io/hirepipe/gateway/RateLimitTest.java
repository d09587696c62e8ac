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

    private static final Pattern RATE_LIMIT = Pattern.compile("\"reads\";r=(\\d+);t=(\\d+)");

    @Autowired
    EdgeTokens edgeTokens;

    @Test
    void aRecruiterOverTheReadBudgetGets429WithRetryAfterAndRateLimitHeadersOthersDoNot() {
        String acme = acmeRecruiterToken();
        String globex = globexRecruiterToken();

        HttpResponse<String> first = get("/api/questions/q-budget", "Authorization", bearer(acme));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("RateLimit-Policy")).hasValue("\"reads\";q=" + READS_LIMIT + ";w=3");
        Matcher remaining = RATE_LIMIT.matcher(first.headers().firstValue("RateLimit").orElseThrow());
        assertThat(remaining.matches()).isTrue();
        assertThat(Integer.parseInt(remaining.group(1))).isLessThan(READS_LIMIT);

        HttpResponse<String> refused = null;
        for (int i = 0; i < READS_LIMIT + 1 && refused == null; i++) {
            HttpResponse<String> response = get("/api/questions/q-budget", "Authorization", bearer(acme));
            if (response.statusCode() == 429) {
                refused = response;
            }
        }

        assertThat(refused).as("a 429 within " + (READS_LIMIT + 1) + " reads").isNotNull();
        JsonNode problem = assertProblem(refused, 429);
        assertThat(problem.get("rateLimitGroup").asString()).isEqualTo("reads");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3L);
        assertThat(refused.headers().firstValue("RateLimit")).hasValueSatisfying(
                value -> assertThat(value).startsWith("\"reads\";r=0;t="));
        assertThat(problem.get("correlationId").asString()).isNotBlank();

        // Another recruiter has a budget of their own, and the same recruiter's writes are another group.
        assertThat(get("/api/questions/q-budget", "Authorization", bearer(globex)).statusCode()).isEqualTo(200);
        assertThat(postJson("/api/questions/q-budget/publish", "{}", "Authorization", bearer(acme)).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(retryAfter + 3)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(get("/api/questions/q-budget", "Authorization", bearer(acme)).statusCode()).isEqualTo(200));
    }

    @Test
    void anApiKeyHasABudgetOfItsOwnApartFromTheRecruiterWhoMadeIt() {
        String recruiter = globexRecruiterToken();
        HttpResponse<String> created = postJson("/api/api-keys", "{\"name\":\"budget-" + UUID.randomUUID() + "\"}",
                "Authorization", bearer(recruiter));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = json(created).get("key").asString();

        int refusedAt = -1;
        for (int i = 1; i <= READS_LIMIT + 1 && refusedAt < 0; i++) {
            if (get("/api/questions/q-key", "X-Api-Key", key).statusCode() == 429) {
                refusedAt = i;
            }
        }

        assertThat(refusedAt).as("the key is refused once its budget is used").isPositive();
        assertThat(get("/api/questions/q-key", "Authorization", bearer(recruiter)).statusCode()).isEqualTo(200);
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
