package io.hirepipe.assessment.access;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.testkit.EndpointAccess;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint group of assessment-service, called as every role of a tenant's people. */
class RoleAccessTest extends AssessmentIntegrationTest {

    static List<EndpointAccess> endpoints() {
        String later = Instant.now().plus(10, ChronoUnit.DAYS).toString();
        return List.of(
                EndpointAccess.of("GET", "/api/invitations", "VIEWER"),
                EndpointAccess.of("GET", "/api/invitations/inv_unknown", "VIEWER"),
                EndpointAccess.of("POST", "/api/invitations", Map.of("testId", "t_unknown",
                        "candidate", Map.of("name", "Ada", "email", "ada@example.com")), "RECRUITER"),
                EndpointAccess.of("POST", "/api/invitations/inv_unknown/revoke", Map.of("reason", "role check"),
                        "RECRUITER"),
                EndpointAccess.of("POST", "/api/invitations/inv_unknown/extend", Map.of("expiresAt", later), "RECRUITER"),
                EndpointAccess.of("PUT", "/api/invitations/inv_unknown/extra-time", Map.of("extraTimeMinutes", 5),
                        "RECRUITER"),
                EndpointAccess.of("POST", "/api/invitations/inv_unknown/resend", "RECRUITER"),
                EndpointAccess.of("POST", "/api/invitations/inv_unknown/reopen",
                        Map.of("extraMinutes", 10, "reason", "role check"), "RECRUITER"),
                EndpointAccess.of("GET", "/api/settings/privacy", "ADMIN"),
                EndpointAccess.of("PUT", "/api/settings/privacy", Map.of("retentionDays", 365,
                        "contactName", "Data Protection Office", "contactEmail", "privacy@acme.example"), "ADMIN"),
                EndpointAccess.of("POST", "/api/privacy/erasures", Map.of("invitationId", "inv_unknown"), "ADMIN"),
                EndpointAccess.of("GET", "/api/privacy/erasures/era_unknown", "ADMIN"),
                EndpointAccess.of("GET", "/api/privacy/erasures", "ADMIN"),
                EndpointAccess.of("GET", "/api/integrations/greenhouse/settings", "ADMIN"),
                EndpointAccess.of("PUT", "/api/integrations/greenhouse/settings",
                        Map.of("reportTo", "hiring@acme.example"), "ADMIN"),
                EndpointAccess.of("GET", "/api/operations/assessment/parked-events", "RECRUITER"),
                EndpointAccess.of("GET", "/api/candidate/assessment", "NOBODY"),
                EndpointAccess.of("POST", "/internal/invitations/redeem", Map.of("token", "x"), "NOBODY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void eachRoleGetsWhatItMay(EndpointAccess endpoint) {
        endpoint.checkEveryRole(role -> api(userToken(Role.valueOf(role))));
    }

    /** The gateway's public document tells who may call what from these (and leaves out what only services may). */
    @Test
    void theApiDescriptionNamesTheRolesEachOperationLetsIn() {
        JsonNode paths = api(null).get("/v3/api-docs").expect(200).path("paths");

        assertThat(paths.at("/~1api~1integrations~1greenhouse~1settings/get/x-roles").toString())
                .as("the method's rule, not its class's").isEqualTo("[\"ADMIN\"]");
        assertThat(paths.at("/~1api~1integrations~1greenhouse~1send_test/post/x-roles").toString())
                .isEqualTo("[\"RECRUITER\",\"PLATFORM\"]");
        assertThat(paths.at("/~1api~1invitations/get/x-roles").toString()).isEqualTo("[\"VIEWER\",\"PLATFORM\"]");
    }
}
