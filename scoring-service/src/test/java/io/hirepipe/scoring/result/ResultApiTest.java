package io.hirepipe.scoring.result;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.JWKSet;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.scoring.ScoringServiceTest;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import org.bson.Document;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.hirepipe.scoring.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;

/** What recruiters and platform clients can read, and everything they cannot. */
class ResultApiTest extends ScoringServiceTest {

    private static final String ACME = "tenant-api-acme-" + id("t");
    private static final String GLOBEX = "tenant-api-globex-" + id("t");
    private static final Caller ACME_RECRUITER = Caller.recruiter(ACME, "user-1", "rita@acme.example");
    private static final Caller ACME_PLATFORM = Caller.platform(ACME, "key-1");
    private static final Caller GLOBEX_RECRUITER = Caller.recruiter(GLOBEX, "user-9", "gus@globex.example");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static final String ACME_INVITATION = id("inv");
    private static final String OLDEST = id("ses");
    private static final String MIDDLE = id("ses");
    private static final String NEWEST = id("ses");
    private static final String GLOBEX_SESSION = id("ses");

    @BeforeAll
    static void storeResults(@Autowired MongoTemplate mongo) {
        mongo.insert(result(OLDEST, ACME, ACME_INVITATION, T0));
        mongo.insert(result(MIDDLE, ACME, id("inv"), T0.plusSeconds(60)));
        mongo.insert(result(NEWEST, ACME, ACME_INVITATION, T0.plusSeconds(120)));
        mongo.insert(result(GLOBEX_SESSION, GLOBEX, id("inv"), T0.plusSeconds(180)));
    }

    private static ScoringResult result(String sessionId, String tenantId, String invitationId, Instant scoredAt) {
        return new ScoringResult(sessionId, tenantId, invitationId, "test-1", "Backend basics",
                new ScoringResult.Candidate("Ada", "ada@example.org"), "rita@acme.example", new BigDecimal("3.00"), 4,
                75.0, 60, true, SubmitReason.CANDIDATE, scoredAt.minusSeconds(1800), scoredAt.minusSeconds(5), scoredAt,
                List.of(item("q-1", 1, QuestionKind.SINGLE_CHOICE, "2", 2, List.of(), "Index trade-off"),
                        // as stored before titles were kept
                        item("q-2", 4, QuestionKind.FREE_TEXT, "1", 2, List.of("kp-1"), null)),
                "evt-" + sessionId, List.of(), ScoringResult.State.FINAL, 0, null, null, 0L, null, null, null, null, null);
    }

    private static ScoringResult.Item item(String questionId, int version, QuestionKind kind, String points,
                                           int maxPoints, List<String> matched, String title) {
        return new ScoringResult.Item(questionId, version, kind, new BigDecimal(points), maxPoints, matched, title,
                ItemStatus.SCORED, null, null, false, null, List.of(), List.of(),
                kind == QuestionKind.FREE_TEXT ? "Replicas copy; shards split" : null);
    }

    @Test
    void aRecruiterReadsAResultWithItsBreakdown() {
        HttpApi.Response response = api(ACME_RECRUITER).get("/api/results/" + NEWEST);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("sessionId").asString()).isEqualTo(NEWEST);
        assertThat(body.path("percent").asDouble()).isEqualTo(75.0);
        assertThat(body.path("points").decimalValue()).isEqualByComparingTo("3");
        assertThat(body.path("scoredAt").asString()).isEqualTo("2026-03-01T10:02:00Z");
        assertThat(body.path("items")).hasSize(2);
        assertThat(body.path("items").get(1).path("matchedKeyPointIds").get(0).asString()).isEqualTo("kp-1");
        assertThat(body.path("items").get(0).path("title").asString()).isEqualTo("Index trade-off");
        assertThat(body.path("items").get(1).path("title").isNull()).isTrue();
        assertThat(body.has("tenantId")).isFalse();
    }

    @Test
    void aResultStoredBeforeReviewExistedReadsAsFinalWithWholePoints(@Autowired MongoTemplate mongo) {
        String sessionId = id("ses-old");
        String tenant = id("tenant-api-old");
        mongo.getCollection(ScoringResult.COLLECTION).insertOne(new Document("_id", sessionId)
                .append("tenantId", tenant).append("invitationId", id("inv")).append("testId", "test-1")
                .append("points", 6).append("maxPoints", 7).append("percent", 85.7).append("passMarkPercent", 50)
                .append("passed", true).append("scoredAt", java.util.Date.from(T0.minusSeconds(600)))
                .append("items", List.of(new Document("questionId", "q-1").append("questionVersion", 1)
                        .append("kind", "FREE_TEXT").append("points", 4).append("maxPoints", 5)
                        .append("matchedKeyPointIds", List.of("kp-1")))));

        JsonNode body = api(Caller.recruiter(tenant, "u", "r@old.example")).get("/api/results/" + sessionId)
                .expect(200);

        assertThat(body.path("points").decimalValue()).isEqualByComparingTo("6");
        assertThat(body.path("provisional").asBoolean()).isFalse();
        assertThat(body.path("reviewCount").asInt()).isZero();
        JsonNode item = body.path("items").get(0);
        assertThat(item.path("status").asString()).isEqualTo("SCORED");
        assertThat(item.path("machinePoints").decimalValue()).as("the machine's value is what it gave")
                .isEqualByComparingTo("4");
        assertThat(item.path("awaitingReview").asBoolean()).isFalse();
        assertThat(item.path("history")).isEmpty();
    }

    @Test
    void aPlatformClientListsItsTenantNewestFirst() {
        JsonNode body = api(ACME_PLATFORM).get("/api/results").json();

        assertThat(body.propertyNames()).as("a paged list").containsExactly("items", "nextCursor", "hasMore");
        JsonNode list = body.get("items");
        assertThat(list.values()).extracting(node -> node.path("sessionId").asString())
                .containsExactly(NEWEST, MIDDLE, OLDEST);
        assertThat(list.get(0).has("items")).as("lists carry totals only").isFalse();
    }

    @Test
    void listsByInvitationAndLimit() {
        assertThat(api(ACME_RECRUITER).get("/api/results?invitationId=" + ACME_INVITATION).json().get("items").values())
                .extracting(node -> node.path("sessionId").asString()).containsExactly(NEWEST, OLDEST);
        assertThat(api(ACME_RECRUITER).get("/api/results?limit=1").json().get("items").values())
                .extracting(node -> node.path("sessionId").asString()).containsExactly(NEWEST);
    }

    @Test
    void anotherTenantsResultDoesNotExist() {
        HttpApi.Response response = api(GLOBEX_RECRUITER).get("/api/results/" + NEWEST);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(api(ACME_RECRUITER).get("/api/results/" + GLOBEX_SESSION).status()).isEqualTo(404);
        assertThat(api(GLOBEX_RECRUITER).get("/api/results?invitationId=" + ACME_INVITATION).json().get("items"))
                .isEmpty();
        assertThat(api(GLOBEX_RECRUITER).get("/api/results").json().get("items").values())
                .extracting(node -> node.path("sessionId").asString()).containsExactly(GLOBEX_SESSION);
    }

    @Test
    void anUnknownSessionIsAProblem404() {
        HttpApi.Response response = api(ACME_RECRUITER).get("/api/results/ses-does-not-exist");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("detail").asString()).contains("ses-does-not-exist");
    }

    @Test
    void operatorInjectionIsJustAnId() {
        String injection = URLEncoder.encode("{\"$gt\": \"\"}", StandardCharsets.UTF_8);

        assertThat(api(ACME_RECRUITER).get("/api/results?invitationId=" + injection).json().get("items")).isEmpty();
        assertThat(api(ACME_RECRUITER).get("/api/results?invitationId%5B%24ne%5D=x").json().get("items")).hasSize(3);
        assertThat(api(ACME_RECRUITER).get("/api/results/" + injection).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=-1", "limit=abc", "limit=1.5", "invitationId="})
    void badQueryParametersAreA400Problem(String query) {
        HttpApi.Response response = api(ACME_RECRUITER).get("/api/results?" + query);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void aLimitThatIsNotAWholeNumberIsAnInvalidParameterNamingIt() {
        JsonNode problem = api(ACME_RECRUITER).get("/api/results?limit=abc").problem(400, "invalid-parameter");

        assertThat(problem.get("parameter").asString()).isEqualTo("limit");
        assertThat(problem.get("detail").asString()).isEqualTo("Parameter 'limit' must be a whole number.");
        JsonNode outOfRange = api(ACME_RECRUITER).get("/api/results?limit=101").problem(400, "invalid-request");
        assertThat(outOfRange.get("parameter").asString()).isEqualTo("limit");
        assertThat(outOfRange.get("errors").get(0).get("parameter").asString()).isEqualTo("limit");
    }

    @Test
    void anOverlongInvitationIdIsA400Problem() {
        assertThat(api(ACME_RECRUITER).get("/api/results?invitationId=" + "x".repeat(101)).status()).isEqualTo(400);
    }

    @Test
    void candidatesAndServicesMayNotReadResults() {
        assertThat(api(Caller.candidate(ACME, ACME_INVITATION)).get("/api/results/" + NEWEST).status())
                .isEqualTo(403);
        HttpApi.Response service = api(Caller.service(ACME, "assessment-service")).get("/api/results");
        assertThat(service.status()).isEqualTo(403);
        assertThat(service.isProblem()).isTrue();
    }

    @Test
    void withoutAValidTokenNothingIsReadable() throws Exception {
        HttpApi.Response none = api(null).get("/api/results/" + NEWEST);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();

        assertThat(api(null).withAuthorization("Bearer not-a-jwt").get("/api/results").status()).isEqualTo(401);

        // Signed like the gateway's, but with a key the gateway does not hold (same kid, even).
        InternalTokenIssuer forged = new InternalTokenIssuer(new JWKSet(new RSAKeyGenerator(2048)
                .keyID("test-gateway-key").generate()), "hirepipe", Duration.ofSeconds(60), Clock.systemUTC());
        assertThat(api(null).withBearer(forged.issue(ACME_RECRUITER, "scoring-service")).get("/api/results").status()).isEqualTo(401);
    }

    @Test
    void healthIsOpenToProbes() {
        assertThat(api(null).get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
