package io.hirepipe.assessment.access;

import io.hirepipe.testkit.HttpApi;
import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.defaults.security.Caller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's exchange of a link token for the invitation it opens. */
class RedeemApiTest extends AssessmentIntegrationTest {

    private static final String PATH = "/internal/invitations/redeem";

    @Test
    void theGatewayRedeemsATokenAcrossTenants() {
        JsonNode created = invite("java-basics", "ada@example.org");

        JsonNode redemption = api(gatewayToken()).post(PATH, Map.of("token", tokenOf(created))).expect(200);

        assertThat(redemption.get("tenantId").asString()).isEqualTo(tenant);
        assertThat(redemption.get("invitationId").asString()).isEqualTo(created.get("id").asString());
        assertThat(redemption.get("status").asString()).isEqualTo("INVITED");
        assertThat(Instant.parse(redemption.get("expiresAt").asString()))
                .isEqualTo(Instant.parse(created.get("expiresAt").asString()));
        assertThat(redemption.toString()).doesNotContain(tokenOf(created));
    }

    @Test
    void aGatewayTokenForOneTenantFindsOnlyThatTenantsInvitations() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String body = HttpApi.json(Map.of("token", tokenOf(created)));

        api(gatewayToken(tenant)).post(PATH, body).expect(200);
        api(gatewayToken("other-tenant")).post(PATH, body).problem(404, "unknown-token");
    }

    @Test
    void unknownTokensAndBadRequestsAreRefused() {
        String gateway = gatewayToken();
        api(gateway).post(PATH, Map.of("token", "A".repeat(43))).problem(404, "unknown-token");
        api(gateway).post(PATH, "{\"token\": {\"$gt\": \"\"}}").problem(400, "malformed-request");
        api(gateway).post(PATH, "{\"token\": \"abc\"").problem(400, "malformed-request");
        api(gateway).post(PATH, "{\"token\": 42}").problem(400, "malformed-request");
        api(gateway).post(PATH, "{}").problem(400, "invalid-request");
        api(gateway).post(PATH, Map.of("token", "x".repeat(129))).problem(400, "invalid-request");
        api(gateway).post(PATH, "{\"token\": \"" + "x".repeat(300_000) + "\"}").problem(413, "payload-too-large");
    }

    @Test
    void onlyTheGatewayMayRedeem() {
        String body = HttpApi.json(Map.of("token", tokenOf(invite("java-basics", "ada@example.org"))));

        api(null).post(PATH, body).problem(401, "unauthenticated");
        api(tokens.issue(Caller.service("_platform", "scoring-service"))).post(PATH, body).problem(403, "forbidden");
        api(recruiterToken()).post(PATH, body).problem(403, "forbidden");
        api(platformToken()).post(PATH, body).problem(403, "forbidden");
        api(candidateToken("inv_x")).post(PATH, body).problem(403, "forbidden");
    }
}
