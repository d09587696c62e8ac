package io.hirepipe.notification.delivery;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.JWKSet;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.notification.NotificationServiceTest;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static io.hirepipe.notification.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;

/** The email log as recruiters and platform clients read it, and who may not read it. */
class EmailDeliveryApiTest extends NotificationServiceTest {

    private static final String ACME = id("tenant-acme");
    private static final String GLOBEX = id("tenant-globex");
    private static final Caller ACME_RECRUITER = Caller.recruiter(ACME, "user-1", "rita@acme.example");
    private static final Caller ACME_PLATFORM = Caller.platform(ACME, "key-1");
    private static final Caller GLOBEX_RECRUITER = Caller.recruiter(GLOBEX, "user-9", "gus@globex.example");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @BeforeAll
    static void recordDeliveries(@Autowired MongoTemplate mongo) {
        mongo.insert(delivery("dlv_old", ACME, "ada@example.org", DeliveryStatus.SENT, 1, null, T0));
        mongo.insert(delivery("dlv_failing", ACME, "bob@example.org", DeliveryStatus.FAILED, 3,
                "ConnectException: Connection refused", T0.plusSeconds(60)));
        mongo.insert(delivery("dlv_new", ACME, "cy@example.org", DeliveryStatus.SENT, 2, null, T0.plusSeconds(120)));
        mongo.insert(delivery("dlv_globex", GLOBEX, "gus@example.org", DeliveryStatus.SENT, 1, null, T0));
    }

    private static EmailDelivery delivery(String id, String tenant, String recipient, DeliveryStatus status,
                                          int attempts, String lastError, Instant createdAt) {
        return new EmailDelivery(id + "_" + tenant, tenant, "evt-" + id + tenant, "InvitationCreated",
                DeliveryKind.CANDIDATE_INVITATION, recipient, "Your Backend basics assessment", "inv-1", status,
                attempts, lastError, status == DeliveryStatus.SENT ? "<" + id + "@hirepipe.local>" : null, createdAt,
                createdAt.plusSeconds(1), status == DeliveryStatus.SENT ? createdAt.plusSeconds(2) : null, null, null,
                createdAt);
    }

    @Test
    void aRecruiterReadsTheTenantsLogNewestFirst() {
        HttpApi.Response response = api(ACME_RECRUITER).get("/api/notifications/emails");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().propertyNames()).as("a page, like every list")
                .containsExactly("items", "nextCursor", "hasMore");
        JsonNode log = response.json().get("items");
        assertThat(log.values()).extracting(d -> d.path("recipient").asString())
                .containsExactly("cy@example.org", "bob@example.org", "ada@example.org");
        JsonNode failing = log.get(1);
        assertThat(failing.path("kind").asString()).isEqualTo("CANDIDATE_INVITATION");
        assertThat(failing.path("subject").asString()).isEqualTo("Your Backend basics assessment");
        assertThat(failing.path("status").asString()).isEqualTo("FAILED");
        assertThat(failing.path("attempts").asInt()).isEqualTo(3);
        assertThat(failing.path("lastError").asString()).isEqualTo("ConnectException: Connection refused");
        assertThat(failing.path("sentAt").isNull()).isTrue();
        assertThat(log.get(0).path("sentAt").asString()).isEqualTo("2026-03-01T10:02:02Z");
        assertThat(failing.has("tenantId")).isFalse();
    }

    /** A limit cuts the newest; the cursor goes on from there, so a log longer than one page can be read whole. */
    @Test
    void limitCutsTheNewestAndTheCursorReadsOn() {
        JsonNode first = api(ACME_PLATFORM).get("/api/notifications/emails?limit=2").expect(200);
        assertThat(first.get("items").values()).extracting(d -> d.path("recipient").asString())
                .containsExactly("cy@example.org", "bob@example.org");
        assertThat(first.get("hasMore").asBoolean()).isTrue();

        JsonNode next = api(ACME_PLATFORM).get("/api/notifications/emails?limit=2&cursor="
                + first.get("nextCursor").asString()).expect(200);
        assertThat(next.get("items").values()).extracting(d -> d.path("recipient").asString())
                .containsExactly("ada@example.org");
        assertThat(next.get("hasMore").asBoolean()).isFalse();
        assertThat(next.get("nextCursor").isNull()).isTrue();

        api(ACME_PLATFORM).get("/api/notifications/emails?cursor=forged").problem(400, "invalid-cursor");
    }

    @Test
    void aStatusNarrowsTheLogAndAnUnknownOneIsAnInvalidParameter() {
        assertThat(api(ACME_RECRUITER).get("/api/notifications/emails?status=FAILED").expect(200).get("items").values())
                .extracting(d -> d.path("recipient").asString()).containsExactly("bob@example.org");
        assertThat(api(ACME_RECRUITER).get("/api/notifications/emails?status=SENT").expect(200).get("items").values())
                .extracting(d -> d.path("recipient").asString()).containsExactly("cy@example.org", "ada@example.org");
        assertThat(api(ACME_RECRUITER).get("/api/notifications/emails?status=").expect(200).get("items"))
                .as("an empty status is no filter, as the console sends it").hasSize(3);

        JsonNode problem = api(ACME_RECRUITER).get("/api/notifications/emails?status=BOGUS")
                .problem(400, "invalid-parameter");
        assertThat(problem.get("parameter").asString()).isEqualTo("status");
        assertThat(problem.get("detail").asString())
                .isEqualTo("Parameter 'status' must be one of [PENDING, SENT, RETRYING, FAILED].");
    }

    @Test
    void otherTenantsDeliveriesAreInvisible() {
        assertThat(api(GLOBEX_RECRUITER).get("/api/notifications/emails").json().get("items").values())
                .extracting(d -> d.path("recipient").asString()).containsExactly("gus@example.org");
        assertThat(api(Caller.recruiter(id("tenant-empty"), "u", null)).get("/api/notifications/emails").json()
                .get("items")).isEmpty();
    }

    @Test
    void injectedParametersAreIgnoredOrRefused() {
        String injection = URLEncoder.encode("{\"$gt\": \"\"}", StandardCharsets.UTF_8);
        assertThat(api(ACME_RECRUITER).get("/api/notifications/emails?limit=" + injection).status()).isEqualTo(400);
        assertThat(api(ACME_RECRUITER).get("/api/notifications/emails?tenantId=" + GLOBEX).json().get("items"))
                .as("the tenant comes from the token only").hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=201", "limit=-5", "limit=ten", "limit=1e3"})
    void badLimitsAreA400Problem(String query) {
        HttpApi.Response response = api(ACME_RECRUITER).get("/api/notifications/emails?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void aLimitThatIsNotAWholeNumberIsAnInvalidParameterNamingIt() {
        JsonNode problem = api(ACME_RECRUITER).get("/api/notifications/emails?limit=abc")
                .problem(400, "invalid-parameter");

        assertThat(problem.get("parameter").asString()).isEqualTo("limit");
        assertThat(problem.get("detail").asString()).isEqualTo("Parameter 'limit' must be a whole number.");
        assertThat(api(ACME_RECRUITER).get("/api/notifications/emails?limit=0").problem(400, "invalid-request")
                .get("parameter").asString()).isEqualTo("limit");
    }

    @Test
    void unknownRoutesAreA404Problem() {
        HttpApi.Response response = api(ACME_RECRUITER).get("/api/notifications/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void candidatesAndServicesMayNotReadTheLog() {
        HttpApi.Response candidate = api(Caller.candidate(ACME, "inv-1")).get("/api/notifications/emails");
        assertThat(candidate.status()).isEqualTo(403);
        assertThat(candidate.isProblem()).isTrue();
        assertThat(api(Caller.service(ACME, "scoring-service")).get("/api/notifications/emails").status())
                .isEqualTo(403);
    }

    @Test
    void withoutAValidTokenNothingIsReadable() throws Exception {
        HttpApi.Response none = api(null).get("/api/notifications/emails");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();

        // Signed like the gateway's, but with a key the gateway does not hold (same kid, even).
        InternalTokenIssuer forged = new InternalTokenIssuer(new JWKSet(new RSAKeyGenerator(2048)
                .keyID("test-gateway-key").generate()), "hirepipe", Duration.ofSeconds(60), Clock.systemUTC());
        assertThat(api(null).withBearer(forged.issue(ACME_RECRUITER, "notification-service")).get("/api/notifications/emails").status())
                .isEqualTo(401);
        assertThat(api(null).withAuthorization("Basic dXNlcjpwYXNz").get("/api/notifications/emails").status())
                .isEqualTo(401);
    }
}
