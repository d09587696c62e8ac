package io.hirepipe.question.support;

import java.time.Duration;
import java.time.Clock;
import io.hirepipe.testkit.TestGatewayKeys;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.Infra;
import io.hirepipe.testkit.UsesInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

/**
 * The one application context every integration test class shares (same configuration, so Spring's
 * test context cache starts it once): the real service on a random port against real MongoDB and
 * Kafka from the test kit. Each test uses tenants of its own, so tests never see each other's data.
 */
// Bank files may be larger than other requests; a smaller upload limit than the default 16 MB keeps the
// refusal tests quick (the body stays within what Tomcat swallows, so the client reads its 413).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hirepipe.http.max-upload-body=1MB")
@UsesInfrastructure({Infra.MONGO, Infra.KAFKA})
public abstract class IntegrationTestBase {

    @LocalServerPort
    private int port;
    /** Signs as the gateway would, with the test kit's stand-in for its key. */
    private final InternalTokenIssuer gateway = new InternalTokenIssuer(
            InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()), "hirepipe", Duration.ofSeconds(60),
            Clock.systemUTC());

    protected String tenant;
    protected Caller recruiter;

    @BeforeEach
    void newTenantAndRecruiter() {
        tenant = newTenant();
        recruiter = Caller.recruiter(tenant, "user-1", "recruiter@" + tenant + ".example");
    }

    protected static String newTenant() {
        return "tenant-" + UUID.randomUUID();
    }

    /**
     * Real HTTP against the running service, as the gateway calls it: with the signed internal token of
     * {@code caller} (none for null), accepting JSON and problems.
     */
    protected HttpApi api(Caller caller) {
        return HttpApi.at("http://localhost:" + port)
                .withHeader("Accept", "application/json, application/problem+json")
                .withBearer(caller == null ? null : gateway.issue(caller, "question-service"));
    }

    /** The signed internal token the gateway would forward for {@code caller}. */
    protected String tokenFor(Caller caller) {
        return gateway.issue(caller, "question-service");
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected JsonNode createQuestion(Caller caller, Map<String, Object> body) {
        return api(caller).post("/api/questions", body).expect(201);
    }

    protected JsonNode createPublishedQuestion(Caller caller, Map<String, Object> body) {
        String id = createQuestion(caller, body).get("id").asString();
        return api(caller).post("/api/questions/" + id + "/publish", null).expect(200);
    }
}
