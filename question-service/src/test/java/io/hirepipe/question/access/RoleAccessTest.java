package io.hirepipe.question.access;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.question.support.Questions;
import io.hirepipe.testkit.EndpointAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

/** Every endpoint group of question-service, called as every role of a tenant's people. */
class RoleAccessTest extends IntegrationTestBase {

    static List<EndpointAccess> endpoints() {
        return List.of(
                EndpointAccess.of("GET", "/api/questions", "VIEWER"),
                EndpointAccess.of("GET", "/api/questions/q_unknown", "VIEWER"),
                EndpointAccess.of("GET", "/api/questions/q_unknown/versions", "VIEWER"),
                EndpointAccess.of("GET", "/api/questions/export", "VIEWER"),
                EndpointAccess.of("GET", "/api/tests", "VIEWER"),
                EndpointAccess.of("GET", "/api/tests/t_unknown", "VIEWER"),
                EndpointAccess.of("POST", "/api/questions", Questions.singleChoice("Role check"), "RECRUITER"),
                EndpointAccess.of("PUT", "/api/questions/q_unknown", Questions.singleChoice("Role check"), "RECRUITER"),
                EndpointAccess.of("POST", "/api/questions/q_unknown/publish", "RECRUITER"),
                EndpointAccess.of("POST", "/api/questions/q_unknown/retire", "RECRUITER"),
                EndpointAccess.of("POST", "/api/tests/t_unknown/publish", "RECRUITER"),
                EndpointAccess.of("POST", "/api/tests/t_unknown/retire", "RECRUITER"),
                EndpointAccess.of("DELETE", "/api/tests/t_unknown", "RECRUITER"),
                EndpointAccess.of("POST", "/api/questions/starter-bank", "RECRUITER"),
                EndpointAccess.of("GET", "/api/tests/t_unknown/delivery", "NOBODY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void eachRoleGetsWhatItMay(EndpointAccess endpoint) {
        endpoint.checkEveryRole(role -> api(Caller.user(tenant, "user-" + role, null, Role.valueOf(role))));
    }
}
