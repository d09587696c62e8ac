package io.hirepipe.gateway;

import io.hirepipe.gateway.apikey.ApiKey;
import io.hirepipe.gateway.apikey.ApiKeySecret;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An API key may do only what its scopes allow; recruiters are not limited by scopes. */
class ApiScopeTest extends GatewayTestSupport {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aReadScopeReadsButDoesNotWrite() {
        String key = key("questions:read");

        assertThat(get("/api/v1/questions/q-scope", "X-Api-Key", key).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/tests", "X-Api-Key", key).statusCode()).isEqualTo(200);

        long postsBefore = QUESTIONS.requestsTo("/api/questions").stream().filter(r -> r.method().equals("POST")).count();
        JsonNode write = assertProblem(postJson("/api/v1/questions", "{}", "X-Api-Key", key), 403);
        assertThat(write.get("type").asString()).endsWith("/insufficient-scope");
        assertThat(write.get("requiredScope").asString()).isEqualTo("questions:write");
        assertThat(write.get("detail").asString()).contains("questions:write");
        assertThat(QUESTIONS.requestsTo("/api/questions").stream().filter(r -> r.method().equals("POST")).count())
                .as("refused at the edge, never forwarded").isEqualTo(postsBefore);

        assertThat(assertProblem(get("/api/v1/results/s-1", "X-Api-Key", key), 403).get("requiredScope").asString())
                .isEqualTo("results:read");
    }

    @Test
    void itemAnalysisIsReadWithTheResultsReadScope() {
        String path = "/api/v1/analysis/tests/t-1/versions/2";

        assertThat(get(path, "X-Api-Key", key("results:read")).statusCode()).isEqualTo(200);
        assertThat(SCORING.lastRequestTo("/api/analysis/tests/t-1/versions/2")).as("routed to scoring-service")
                .isNotNull();
        assertThat(assertProblem(get(path, "X-Api-Key", key("questions:read")), 403).get("requiredScope").asString())
                .isEqualTo("results:read");
    }

    @Test
    void eachServicesParkedEventsAreRoutedToItAndNeedTheOperationsScope() {
        String operator = key("operations:manage");
        String reader = key("results:read", "invitations:read", "questions:read");
        Map<String, StubService> services = Map.of("question", QUESTIONS, "assessment", ASSESSMENTS, "scoring", SCORING);

        services.forEach((name, service) -> {
            String path = "/api/v1/operations/" + name + "/parked-events";
            assertThat(get(path, "X-Api-Key", operator).statusCode()).as(path).isEqualTo(200);
            assertThat(service.lastRequestTo("/api/operations/" + name + "/parked-events")).as("routed to its service")
                    .isNotNull();
            assertThat(assertProblem(get(path, "X-Api-Key", reader), 403).get("requiredScope").asString())
                    .isEqualTo("operations:manage");
        });
    }

    @Test
    void theScopesTravelInTheInternalToken() {
        String key = key("invitations:write", "results:read");

        HttpResponse<String> response = postJson("/api/v1/invitations", "{\"testId\":\"t-1\"}", "X-Api-Key", key);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Jwt forwarded = forwardedToken(ASSESSMENTS.lastRequestTo("/api/invitations"));
        assertThat(forwarded.getClaimAsString("scope").split(" "))
                .containsExactlyInAnyOrder("invitations:write", "results:read");
        assertProblem(get("/api/v1/invitations", "X-Api-Key", key), 403);
    }

    @Test
    void aKeyFromBeforeScopesMayDoEverythingButManageKeys() {
        ApiKeySecret secret = ApiKeySecret.generate();
        mongo.insert(new ApiKey(secret.keyId(), ACME, "legacy", secret.displayPrefix(), secret.hash(), "usr_old",
                Instant.now(), null, null)).block(Duration.ofSeconds(10));
        String key = secret.value();

        assertThat(postJson("/api/v1/questions", "{}", "X-Api-Key", key).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/results/s-legacy", "X-Api-Key", key).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/operations/scoring/dead-letters", "X-Api-Key", key).statusCode()).isEqualTo(200);
        assertProblem(get("/api/v1/api-keys", "X-Api-Key", key), 403);

        JsonNode listed = json(get("/api/v1/api-keys/" + secret.keyId(), "Authorization", bearer(acmeRecruiterToken())));
        assertThat(listed.get("scopes").valueStream().map(JsonNode::asString)).contains("questions:write",
                "webhooks:manage", "integrations:greenhouse");
    }

    @Test
    void aRecruiterIsNotLimitedByScopes() {
        String recruiter = acmeRecruiterToken();

        assertThat(postJson("/api/v1/questions", "{}", "Authorization", bearer(recruiter)).statusCode()).isEqualTo(200);
        assertThat(forwardedToken(QUESTIONS.lastRequestTo("/api/questions")).hasClaim("scope")).isFalse();
    }

    @Test
    void aPathThatNamesNoOperationIsNotFoundForAKeyAsForARecruiter() {
        // A typo must not send an integrator looking for a scope: the key hears what a signed-in user hears.
        String key = key("questions:read");
        String recruiter = acmeRecruiterToken();

        for (String path : new String[] {"/api/v1/something-new", "/api/v1/questoins/q-1", "/api/v1/audti"}) {
            JsonNode forKey = assertProblem(get(path, "X-Api-Key", key), 404);
            JsonNode forRecruiter = assertProblem(get(path, "Authorization", bearer(recruiter)), 404);
            assertThat(forKey.get("type").asString()).as(path).endsWith("/not-found");
            assertThat(forKey.get("detail").asString()).as(path)
                    .isEqualTo(forRecruiter.get("detail").asString())
                    .isEqualTo("There is nothing at " + path + ". The API is described at /api/docs.");
            assertThat(forKey.get("instance").asString()).as(path).isEqualTo(path);
        }
    }

    @Test
    void realOperationsStayClosedToKeysThatMayNotCallThem() {
        String key = key("questions:read");

        JsonNode lacking = assertProblem(postJson("/api/v1/questions", "{}", "X-Api-Key", key), 403);
        assertThat(lacking.get("requiredScope").asString()).isEqualTo("questions:write");
        // Under a group the key lacks, a mistyped id is a real operation's path (reading result "typo"): whether it
        // names a result is data the key may not read.
        assertThat(assertProblem(get("/api/v1/results/typo", "X-Api-Key", key), 403).get("requiredScope").asString())
                .isEqualTo("results:read");
        for (String path : new String[] {"/api/v1/audit", "/api/v1/audit/export.csv", "/api/v1/settings/privacy",
                "/api/v1/privacy/erasures"}) {
            JsonNode noKey = assertProblem(get(path, "X-Api-Key", key), 403);
            assertThat(noKey.get("detail").asString()).as(path).isEqualTo("API keys cannot call this operation.");
        }
        // A method the path does not offer is still a path keys cannot call, not a typo.
        assertThat(assertProblem(postJson("/api/v1/audit", "{}", "X-Api-Key", key), 403).get("detail").asString())
                .isEqualTo("API keys cannot call this operation.");
    }

    @Test
    void aKeyRefusedWherePeopleAloneMayGoIsToldNoScopeWouldHelp() {
        // Every scope: the integrator must learn that no other key opens these, not guess at a scope to ask for.
        String key = key("questions:read", "questions:write", "invitations:read", "invitations:write", "results:read",
                "results:write", "notifications:read", "webhooks:manage", "integrations:greenhouse",
                "operations:manage");

        for (String path : new String[] {"/api/v1/audit", "/api/v1/settings/privacy", "/api/v1/privacy/erasures"}) {
            JsonNode refused = assertProblem(get(path, "X-Api-Key", key), 403);
            assertThat(refused.get("type").asString()).as(path).endsWith("/forbidden");
            assertThat(refused.get("detail").asString()).as(path).isEqualTo("API keys cannot call this operation.");
            assertThat(refused.has("requiredScope")).as(path).isFalse();
        }
        assertThat(ASSESSMENTS.requestsTo("/api/settings/privacy")).as("refused at the edge, never forwarded")
                .isEmpty();
    }

    @Test
    void aKeyListsItsScopesAndBadScopeRequestsAreProblems() {
        String recruiter = acmeRecruiterToken();
        JsonNode created = ApiKeyTest.createKey(this, recruiter, "reader", "results:read", "questions:read");
        assertThat(created.get("scopes").valueStream().map(JsonNode::asString))
                .containsExactly("questions:read", "results:read");

        assertProblem(postJson("/api/v1/api-keys", "{\"name\":\"none\"}", "Authorization", bearer(recruiter)), 400);
        assertProblem(postJson("/api/v1/api-keys", "{\"name\":\"empty\",\"scopes\":[]}",
                "Authorization", bearer(recruiter)), 400);
        JsonNode unknown = assertProblem(postJson("/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":[\"keys:manage\"]}",
                "Authorization", bearer(recruiter)), 400);
        assertThat(unknown.get("detail").asString()).contains("keys:manage").contains("questions:write");
        JsonNode second = assertProblem(postJson("/api/v1/api-keys",
                "{\"name\":\"x\",\"scopes\":[\"results:read\",\"bogus:scope\"]}", "Authorization", bearer(recruiter)), 400);
        assertThat(second.get("type").asString()).endsWith("/invalid-request");
        assertThat(second.get("errors").get(0).get("field").asString()).isEqualTo("scopes[1]");
        assertThat(second.get("errors").get(0).get("message").asString()).startsWith("unknown scope 'bogus:scope'");
        assertProblem(postJson("/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":\"results:read\"}",
                "Authorization", bearer(recruiter)), 400);
        assertProblem(postJson("/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":[5]}",
                "Authorization", bearer(recruiter)), 400);
        assertProblem(postJson("/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":[\"" + "s".repeat(500) + "\"]}",
                "Authorization", bearer(recruiter)), 400);
    }

    private String key(String... scopes) {
        return ApiKeyTest.createKey(this, acmeRecruiterToken(), "scoped", scopes).get("key").asString();
    }
}
