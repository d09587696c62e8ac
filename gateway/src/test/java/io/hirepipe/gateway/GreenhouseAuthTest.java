package io.hirepipe.gateway;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.CallerKind;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Greenhouse calls the partner endpoints with HTTP Basic, an API key as user name and an empty
 * password. That key is an API key like any other: it needs the integrations:greenhouse scope here,
 * and that scope opens nothing else.
 */
class GreenhouseAuthTest extends GatewayTestSupport {

    private static final String LIST_TESTS = "/api/v1/integrations/greenhouse/list_tests";

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String key(String... scopes) {
        return ApiKeyTest.createKey(this, acmeRecruiterToken(), "greenhouse", scopes).get("key").asString();
    }

    @Test
    void aGreenhouseKeyAsTheBasicUserNameReachesTheAdapterAsAPlatformCallerWithoutTheKey() {
        JsonNode created = ApiKeyTest.createKey(this, acmeRecruiterToken(), "greenhouse", "integrations:greenhouse");
        String key = created.get("key").asString();

        HttpResponse<String> response = get(LIST_TESTS, "Authorization", basic(key, ""));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        StubService.Received received = ASSESSMENTS.lastRequestTo("/api/integrations/greenhouse/list_tests");
        Caller caller = forwardedCaller(received);
        assertThat(caller.kind()).isEqualTo(CallerKind.PLATFORM);
        assertThat(caller.tenantId()).isEqualTo(ACME);
        assertThat(caller.subject()).isEqualTo(created.get("id").asString());
        Jwt token = forwardedToken(received);
        assertThat(token.getClaimAsString("scope")).isEqualTo("integrations:greenhouse");
        assertThat(received.header("Authorization")).as("the key never travels on").startsWith("Bearer ")
                .doesNotContain(Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));

        postJson("/api/v1/integrations/greenhouse/send_test", "{}", "Authorization", basic(key, ""));
        assertThat(ASSESSMENTS.lastRequestTo("/api/integrations/greenhouse/send_test").method()).isEqualTo("POST");
        assertThat(get("/api/v1/integrations/greenhouse/test_status?partner_interview_id=inv_1", "X-Api-Key", key)
                .statusCode()).as("the usual header works too").isEqualTo(200);
    }

    @Test
    void withoutValidCredentialsGreenhouseGetsA401ThatAsksForBasic() {
        String key = key("integrations:greenhouse");

        HttpResponse<String> none = get(LIST_TESTS);
        assertProblem(none, 401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Hirepipe\"");
        assertProblem(get(LIST_TESTS, "Authorization", basic("hp_unknown_key", "")), 401);
        assertProblem(get(LIST_TESTS, "Authorization", basic(key, "a-password")), 401);
        assertProblem(get(LIST_TESTS, "Authorization", "Basic %%%not-base64"), 401);
        assertProblem(get(LIST_TESTS, "Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(key.getBytes(StandardCharsets.UTF_8))), 401);
    }

    @Test
    void aKeyWithoutTheGreenhouseScopeIsRefusedAndTheGreenhouseScopeOpensNothingElse() {
        String other = key("invitations:write", "invitations:read", "results:read");
        JsonNode refused = assertProblem(get(LIST_TESTS, "Authorization", basic(other, "")), 403);
        assertThat(refused.get("requiredScope").asString()).isEqualTo("integrations:greenhouse");
        assertProblem(postJson("/api/v1/integrations/greenhouse/send_test", "{}", "X-Api-Key", other), 403);

        String greenhouse = key("integrations:greenhouse");
        assertProblem(get("/api/v1/invitations", "X-Api-Key", greenhouse), 403);
        assertProblem(postJson("/api/v1/invitations", "{}", "X-Api-Key", greenhouse), 403);
        assertProblem(get("/api/v1/results/s-1", "X-Api-Key", greenhouse), 403);
        assertProblem(get("/api/v1/tests", "X-Api-Key", greenhouse), 403);
        assertProblem(get("/api/v1/api-keys", "X-Api-Key", greenhouse), 403);
        assertProblem(get("/api/v1/invitations", "Authorization", basic(greenhouse, "")), 401);
    }

    @Test
    void aRevokedGreenhouseKeyIsRefusedFromTheNextRequestOn() {
        String recruiter = acmeRecruiterToken();
        JsonNode created = ApiKeyTest.createKey(this, recruiter, "greenhouse", "integrations:greenhouse");
        String key = created.get("key").asString();
        assertThat(get(LIST_TESTS, "Authorization", basic(key, "")).statusCode()).isEqualTo(200);

        assertThat(delete("/api/v1/api-keys/" + created.get("id").asString(), "Authorization", bearer(recruiter))
                .statusCode()).isEqualTo(204);

        assertProblem(get(LIST_TESTS, "Authorization", basic(key, "")), 401);
    }
}
