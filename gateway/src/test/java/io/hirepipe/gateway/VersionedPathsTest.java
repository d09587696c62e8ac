package io.hirepipe.gateway;

import org.junit.jupiter.api.Test;

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

    private static void assertDeprecated(HttpResponse<String> response, String successor) {
        assertThat(response.headers().firstValue("Deprecation")).hasValueSatisfying(value -> {
            assertThat(value).matches("@\\d+");
            assertThat(Instant.ofEpochSecond(Long.parseLong(value.substring(1)))).isBefore(Instant.now());
        });
        assertThat(response.headers().firstValue("Sunset")).hasValueSatisfying(value ->
                assertThat(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                        .isAfter(Instant.now()));
        assertThat(response.headers().allValues("Link")).contains("<" + successor + ">; rel=\"successor-version\"");
        assertThat(response.statusCode()).isNotIn(301, 302, 307, 308);
    }
}
