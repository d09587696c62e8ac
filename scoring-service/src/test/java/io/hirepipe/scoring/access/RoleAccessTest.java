package io.hirepipe.scoring.access;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.scoring.ScoringServiceTest;
import io.hirepipe.testkit.EndpointAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every endpoint group of scoring-service, called as every role of a tenant's people. */
class RoleAccessTest extends ScoringServiceTest {

    private final String tenant = "tenant-" + UUID.randomUUID();

    static List<EndpointAccess> endpoints() {
        return List.of(
                EndpointAccess.of("GET", "/api/results", "VIEWER"),
                EndpointAccess.of("GET", "/api/results/ses_unknown", "VIEWER"),
                EndpointAccess.of("GET", "/api/results/export.csv", "VIEWER"),
                EndpointAccess.of("GET", "/api/results/questions/q_unknown/agreement", "VIEWER"),
                EndpointAccess.of("GET", "/api/analysis/tests/t_unknown/versions/1", "VIEWER"),
                EndpointAccess.of("GET", "/api/analysis/questions/q_unknown/versions/1", "VIEWER"),
                EndpointAccess.of("PUT", "/api/results/ses_unknown/items/q_unknown",
                        Map.of("points", 1, "reason", "role check"), "RECRUITER"),
                EndpointAccess.of("POST", "/api/results/ses_unknown/finalize", Map.of("acceptMachineScores", true),
                        "RECRUITER"),
                EndpointAccess.of("GET", "/api/operations/scoring/dead-letters", "RECRUITER"),
                EndpointAccess.of("GET", "/api/operations/scoring/parked-submissions", "RECRUITER"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void eachRoleGetsWhatItMay(EndpointAccess endpoint) {
        endpoint.checkEveryRole(role -> api(Caller.user(tenant, "user-" + role, null, Role.valueOf(role))));
    }
}
