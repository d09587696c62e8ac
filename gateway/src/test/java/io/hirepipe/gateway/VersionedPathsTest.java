package io.hirepipe.gateway;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** Public paths are /api/v1/...; the unversioned ones answer as deprecated aliases, never redirects. */
class VersionedPathsTest extends GatewayTestSupport {

    @Test
    void aVersionedPathReachesTheServiceAtItsInternalPathAndIsNotDeprecated() {
        HttpResponse<String> response = get("/api/v1/questions/q-7?page=3", "Authorization", bearer(acmeRecruiterToken()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("service").asString()).isEqualTo("question-service");
        assertThat(QUESTIONS.lastRequestTo("/api/questions/q-7").query()).isEqualTo("page=3");
        assertThat(response.headers().firstValue("Deprecation")).isEmpty();
        assertThat(response.headers().firstValue("Sunset")).isEmpty();
    }

    @Test
    void aPathNoRouteServesIsA404ProblemThatNamesThePathAndWhereTheApiIsDescribed() {
        HttpResponse<String> response = get("/api/v1/webhooks", "Authorization", bearer(acmeRecruiterToken()));

        JsonNode problem = assertProblem(response, 404);
        assertThat(problem.get("detail").asString()).contains("/api/v1/webhooks").contains("/api/docs")
                .doesNotContain("static resource");
    }

    @Test
    void anUnversionedPathStillWorksButSaysItIsDeprecatedAndWhenItGoes() {
        HttpResponse<String> response = get("/api/results/s-42", "Authorization", bearer(acmeRecruiterToken()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("service").asString()).isEqualTo("scoring-service");
        assertThat(SCORING.lastRequestTo("/api/results/s-42")).isNotNull();
        assertDeprecated(response, "/api/v1/results/s-42");
    }

    @Test
    void theOldLoginPathSignsInWithoutARedirectSoAPostIsNotLost() {
        HttpResponse<String> response = postJson("/auth/login",
                "{\"email\":\"" + ACME_RECRUITER + "\",\"password\":\"" + ACME_PASSWORD + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("token").asString()).isNotBlank();
        assertDeprecated(response, "/api/v1/auth/login");
        // The token from the old path is good on the new one.
        assertThat(get("/api/v1/tests", "Authorization", bearer(json(response).get("token").asString())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAliasIsGuardedExactlyLikeItsVersionedPath() {
        HttpResponse<String> anonymous = get("/api/questions");
        assertProblem(anonymous, 401);
        assertDeprecated(anonymous, "/api/v1/questions");

        assertProblem(get("/api/v1/questions"), 401);
        assertThat(QUESTIONS.requestsTo("/api/questions")).noneMatch(request -> request.header("Authorization") == null);
    }

    @Test
    void theGatewaysOwnEndpointsAnswerOnBothPaths() {
        String token = acmeRecruiterToken();

        assertThat(get("/api/v1/api-keys", "Authorization", bearer(token)).statusCode()).isEqualTo(200);
        HttpResponse<String> alias = get("/api/api-keys", "Authorization", bearer(token));
        assertThat(alias.statusCode()).isEqualTo(200);
        assertDeprecated(alias, "/api/v1/api-keys");
    }

    @Test
    void anUnknownVersionIsNotFoundRatherThanAliased() {
        HttpResponse<String> response = get("/api/v2/questions", "Authorization", bearer(acmeRecruiterToken()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Deprecation")).isEmpty();
    }

    @Test
    void aServicesProblemNamesThePublicPathTheClientCalledNotTheInternalOne() {
        ASSESSMENTS.reply("/api/invitations/i-missing", request -> StubService.Reply.problem(404, """
                {"type":"https://hirepipe.io/problems/not-found","title":"Not found","status":404,
                 "detail":"No invitation i-missing.","instance":"/api/invitations/i-missing","correlationId":"c-1"}"""));

        HttpResponse<String> response = get("/api/v1/invitations/i-missing", "Authorization", bearer(acmeRecruiterToken()));

        JsonNode problem = assertProblem(response, 404);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/invitations/i-missing");
        assertThat(problem.get("detail").asString()).isEqualTo("No invitation i-missing.");
        assertThat(problem.get("correlationId").asString()).isEqualTo("c-1");
        assertThat(response.headers().firstValueAsLong("Content-Length"))
                .hasValue(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        // Through the deprecated alias the problem names the versioned path, the resource's current name.
        assertThat(assertProblem(get("/api/invitations/i-missing", "Authorization", bearer(acmeRecruiterToken())), 404)
                .get("instance").asString()).isEqualTo("/api/v1/invitations/i-missing");
    }

    @Test
    void anAnswerThatIsNotAProblemPassesUntouchedEvenWithAnInstanceMember() {
        String body = "{\"instance\":\"/api/invitations/i-2\",\"status\":\"SENT\"}";
        ASSESSMENTS.reply("/api/invitations/i-2", request -> StubService.Reply.json(200, body));

        HttpResponse<String> response = get("/api/v1/invitations/i-2", "Authorization", bearer(acmeRecruiterToken()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void aProblemBodyThatIsNotJsonIsPassedOnAsItCame() {
        ASSESSMENTS.reply("/api/invitations/i-3", request -> StubService.Reply.problem(400, "upstream said no"));

        HttpResponse<String> response = get("/api/v1/invitations/i-3", "Authorization", bearer(acmeRecruiterToken()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("upstream said no");
    }

    private static void assertDeprecated(HttpResponse<String> response, String successor) {
        assertThat(response.headers().firstValue("Deprecation")).hasValueSatisfying(value -> {
            assertThat(value).matches("@\\d+");
            assertThat(Instant.ofEpochSecond(Long.parseLong(value.substring(1)))).isBefore(Instant.now());
        });
        assertThat(response.headers().firstValue("Sunset")).hasValueSatisfying(value -> {
            // RFC 9110 IMF-fixdate: a two-digit day, GMT
            assertThat(value).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
            assertThat(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).isAfter(Instant.now());
        });
        assertThat(response.headers().allValues("Link")).contains("<" + successor + ">; rel=\"successor-version\"");
        assertThat(response.statusCode()).isNotIn(301, 302, 307, 308);
    }
}
