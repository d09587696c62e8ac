package io.hirepipe.gateway;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.CallerKind;
import io.hirepipe.gateway.apikey.ApiKey;
import io.hirepipe.defaults.security.ApiScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys: recruiters create, list and revoke them; platform clients authenticate with them. */
class ApiKeyTest extends GatewayTestSupport {

    @Autowired
    ReactiveMongoTemplate mongo;

    private JsonNode createKey(String recruiterToken, String name) {
        return createKey(recruiterToken, name, ApiScope.names().toArray(String[]::new));
    }

    static JsonNode createKey(GatewayTestSupport test, String recruiterToken, String name, String... scopes) {
        HttpResponse<String> response = test.postJson("/api/v1/api-keys", "{\"name\":\"" + name + "\",\"scopes\":"
                + JSON.writeValueAsString(scopes) + "}", "Authorization", bearer(recruiterToken));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/api-keys/" + body.get("id").asString());
        return body;
    }

    private JsonNode createKey(String recruiterToken, String name, String... scopes) {
        return createKey(this, recruiterToken, name, scopes);
    }

    @Test
    void aCreatedKeyIsShownOnceAndStoredOnlyAsAHash() {
        String recruiter = acmeRecruiterToken();

        JsonNode created = createKey(recruiter, "ATS integration");
        String key = created.get("key").asString();
        String id = created.get("id").asString();

        assertThat(key).startsWith("hp_" + id + "_");
        assertThat(key).startsWith(created.get("prefix").asString());
        assertThat(created.get("prefix").asString().length()).isLessThan(key.length() / 2);
        assertThat(created.get("name").asString()).isEqualTo("ATS integration");

        HttpResponse<String> list = get("/api/v1/api-keys", "Authorization", bearer(recruiter));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).get("items").valueStream().map(item -> item.get("id").asString())).contains(id);
        assertThat(list.body()).doesNotContain(key).doesNotContain("secretHash").doesNotContain("\"key\"");

        HttpResponse<String> one = get("/api/v1/api-keys/" + id, "Authorization", bearer(recruiter));
        assertThat(json(one).get("revoked").asBoolean()).isFalse();
        assertThat(one.body()).doesNotContain(key);

        ApiKey stored = mongo.findById(id, ApiKey.class).block();
        assertThat(stored.tenantId()).isEqualTo(ACME);
        assertThat(stored.secretHash()).hasSize(64).doesNotContain(key.substring(key.lastIndexOf('_') + 1));
    }

    @Test
    void aKeyAuthenticatesAsAPlatformCallerOfItsTenant() {
        JsonNode created = createKey(acmeRecruiterToken(), "HR tool");

        HttpResponse<String> response = get("/api/v1/invitations/inv-7", "X-Api-Key", created.get("key").asString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        StubService.Received received = ASSESSMENTS.lastRequestTo("/api/invitations/inv-7");
        Caller caller = forwardedCaller(received);
        assertThat(caller.kind()).isEqualTo(CallerKind.PLATFORM);
        assertThat(caller.tenantId()).isEqualTo(ACME);
        assertThat(caller.subject()).isEqualTo(created.get("id").asString());
        assertThat(received.header("X-Api-Key")).isNull();
    }

    @Test
    void platformClientsCannotManageKeysNorUseTheCandidateApi() {
        String key = createKey(acmeRecruiterToken(), "no admin").get("key").asString();

        assertThat(assertProblem(get("/api/v1/api-keys", "X-Api-Key", key), 403).get("detail").asString())
                .isEqualTo("API keys cannot call this operation; a signed-in user with the ADMIN role can.");
        assertProblem(postJson("/api/v1/api-keys", "{\"name\":\"escalate\"}", "X-Api-Key", key), 403);
        assertThat(assertProblem(get("/api/v1/candidate/assessment", "X-Api-Key", key), 403).get("detail").asString())
                .isEqualTo("API keys cannot call this operation.");
    }

    @Test
    void aRevokedKeyStopsWorkingAndRevokingTwiceIsHarmless() {
        String recruiter = acmeRecruiterToken();
        JsonNode created = createKey(recruiter, "to revoke");
        String id = created.get("id").asString();
        String key = created.get("key").asString();
        assertThat(get("/api/v1/questions", "X-Api-Key", key).statusCode()).isEqualTo(200);

        assertThat(delete("/api/v1/api-keys/" + id, "Authorization", bearer(recruiter)).statusCode()).isEqualTo(204);
        assertThat(delete("/api/v1/api-keys/" + id, "Authorization", bearer(recruiter)).statusCode()).isEqualTo(204);

        assertProblem(get("/api/v1/questions", "X-Api-Key", key), 401);
        JsonNode listed = json(get("/api/v1/api-keys/" + id, "Authorization", bearer(recruiter)));
        assertThat(listed.get("revoked").asBoolean()).isTrue();
        assertThat(listed.get("revokedAt").asString()).isNotBlank();
    }

    @Test
    void forgedAndMalformedKeysAreRefused() {
        String key = createKey(acmeRecruiterToken(), "to forge").get("key").asString();
        String forged = key.substring(0, key.length() - 4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertProblem(get("/api/v1/questions", "X-Api-Key", forged), 401);
        assertProblem(get("/api/v1/questions", "X-Api-Key", "hp_nonexistent"), 401);
        assertProblem(get("/api/v1/questions", "X-Api-Key", "hp_zzzzzzzzzzzzzzzz_" + "A".repeat(43)), 401);
        assertProblem(get("/api/v1/questions", "X-Api-Key", "x".repeat(5_000)), 401);
    }

    @Test
    void anotherTenantsKeyIsNotFound() {
        String acmeKeyId = createKey(acmeRecruiterToken(), "acme only").get("id").asString();
        String globex = globexRecruiterToken();

        assertProblem(get("/api/v1/api-keys/" + acmeKeyId, "Authorization", bearer(globex)), 404);
        assertProblem(delete("/api/v1/api-keys/" + acmeKeyId, "Authorization", bearer(globex)), 404);
        assertThat(json(get("/api/v1/api-keys", "Authorization", bearer(globex))).get("items").valueStream()
                .map(item -> item.get("id").asString())).doesNotContain(acmeKeyId);
        assertThat(mongo.findById(acmeKeyId, ApiKey.class).block().revoked()).isFalse();
    }

    @Test
    void unknownKeyIdsAreNotFound() {
        String recruiter = acmeRecruiterToken();

        assertProblem(get("/api/v1/api-keys/doesnotexist0000", "Authorization", bearer(recruiter)), 404);
        assertProblem(delete("/api/v1/api-keys/doesnotexist0000", "Authorization", bearer(recruiter)), 404);
    }

    @Test
    void badCreateRequestsAreProblems() {
        String recruiter = acmeRecruiterToken();

        JsonNode blank = assertProblem(postJson("/api/v1/api-keys", "{\"name\":\"  \",\"scopes\":[\"results:read\"]}",
                "Authorization", bearer(recruiter)), 400);
        assertThat(blank.get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertProblem(postJson("/api/v1/api-keys", "{\"name\":\"" + "n".repeat(101) + "\",\"scopes\":[\"results:read\"]}",
                "Authorization", bearer(recruiter)), 400);
        String tooManyScopes = "[" + String.join(",", Collections.nCopies(21, "\"results:read\"")) + "]";
        JsonNode tooMany = assertProblem(postJson("/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":" + tooManyScopes + "}",
                "Authorization", bearer(recruiter)), 400);
        assertThat(tooMany.get("detail").asString()).as("not 'between 0 and 20': a key needs a scope")
                .isEqualTo("scopes: must have at most 20 entries");
        assertProblem(postJson("/api/v1/api-keys", "{\"name\": {\"$gt\": \"\"}}", "Authorization", bearer(recruiter)), 400);
        JsonNode number = assertProblem(postJson("/api/v1/api-keys", "{\"name\": 5}", "Authorization", bearer(recruiter)), 400);
        assertThat(number.get("detail").asString()).isEqualTo("Field 'name' must be a string.");
        assertProblem(postJson("/api/v1/api-keys", "{\"name\": ", "Authorization", bearer(recruiter)), 400);
        assertProblem(postJson("/api/v1/api-keys", "[1,2]", "Authorization", bearer(recruiter)), 400);
        assertProblem(postJson("/api/v1/api-keys", "{\"name\":\"" + "n".repeat(1_100_000) + "\"}",
                "Authorization", bearer(recruiter)), 413);
    }

    @Test
    void keyManagementNeedsARecruiter() {
        assertProblem(get("/api/v1/api-keys"), 401);
        assertProblem(postJson("/api/v1/api-keys", "{\"name\":\"anon\"}"), 401);
    }
}
