package io.hirepipe.assessment.access;

import io.hirepipe.assessment.support.Api;
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

        JsonNode redemption = api.post(PATH, Api.json(Map.of("token", tokenOf(created))), gatewayToken()).ok();

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
        String body = Api.json(Map.of("token", tokenOf(created)));

        api.post(PATH, body, tokens.issue(Caller.service(tenant, "gateway"))).ok();
        api.post(PATH, body, tokens.issue(Caller.service("other-tenant", "gateway"))).problem(404, "unknown-token");
    }

    @Test
    void unknownTokensAndBadRequestsAreRefused() {
        String gateway = gatewayToken();
        api.post(PATH, Api.json(Map.of("token", "A".repeat(43))), gateway).problem(404, "unknown-token");
        api.post(PATH, "{\"token\": {\"$gt\": \"\"}}", gateway).problem(400, "malformed-request");
        api.post(PATH, "{\"token\": \"abc\"", gateway).problem(400, "malformed-request");
        api.post(PATH, "{\"token\": 42}", gateway).problem(404, "unknown-token");
        api.post(PATH, "{}", gateway).problem(400, "invalid-request");
        api.post(PATH, Api.json(Map.of("token", "x".repeat(129))), gateway).problem(400, "invalid-request");
        api.post(PATH, "{\"token\": \"" + "x".repeat(300_000) + "\"}", gateway).problem(413, "payload-too-large");
    }

    @Test
    void onlyTheGatewayMayRedeem() {
        String body = Api.json(Map.of("token", tokenOf(invite("java-basics", "ada@example.org"))));

        api.post(PATH, body, null).problem(401, "unauthenticated");
        api.post(PATH, body, tokens.issue(Caller.service("_platform", "scoring-service"))).problem(403, "forbidden");
        api.post(PATH, body, recruiterToken()).problem(403, "forbidden");
        api.post(PATH, body, platformToken()).problem(403, "forbidden");
        api.post(PATH, body, candidateToken("inv_x")).problem(403, "forbidden");
    }
}
