package io.hirepipe.question.support;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalToken;
import io.hirepipe.testkit.Infra;
import io.hirepipe.testkit.UsesInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one application context every integration test class shares (same configuration, so Spring's
 * test context cache starts it once): the real service on a random port against real MongoDB and
 * Kafka from the test kit. Each test uses tenants of its own, so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure({Infra.MONGO, Infra.KAFKA})
public abstract class IntegrationTestBase {

    protected ApiClient api;
    protected String tenant;
    protected Caller recruiter;

    @BeforeEach
    void connect(@LocalServerPort int port, @Autowired InternalToken tokens) {
        api = new ApiClient(port, tokens);
        tenant = newTenant();
        recruiter = Caller.recruiter(tenant, "user-1", "recruiter@" + tenant + ".example");
    }

    protected static String newTenant() {
        return "tenant-" + UUID.randomUUID();
    }

    protected JsonNode createQuestion(Caller caller, Map<String, Object> body) {
        ApiClient.Response created = api.post("/api/questions", caller, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    protected JsonNode createPublishedQuestion(Caller caller, Map<String, Object> body) {
        String id = createQuestion(caller, body).get("id").asString();
        ApiClient.Response published = api.post("/api/questions/" + id + "/publish", caller, null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published.json();
    }
}
