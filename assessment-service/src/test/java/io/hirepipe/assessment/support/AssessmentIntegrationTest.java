package io.hirepipe.assessment.support;

import java.time.Clock;
import io.hirepipe.testkit.MutableClock;
import io.hirepipe.testkit.TestGatewayKeys;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.contracts.EventType;
import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.defaults.outbox.OutboxRelay;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.defaults.security.InternalToken;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.Infra;
import io.hirepipe.testkit.UsesInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service on a random port against real Kafka, MongoDB and Redis from the test kit, with a real
 * HTTP question-service stub and a clock tests can move. Every subclass shares this one application
 * context (same configuration), so the suite starts Spring once; tests stay independent by using a
 * fresh tenant each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hirepipe.public-url=https://hirepipe.test",
        "hirepipe.idempotency.encryption-key=test-only-idempotency-key-0123456789abcdef",
        "hirepipe.sessions.sweep-interval=200ms",
        "hirepipe.sessions.max-signals=5",
        "hirepipe.outbox.poll-interval=100ms",
        // retention runs when a test calls it, never by the wall clock in the middle of one
        "hirepipe.privacy.retention.cron=-",
        "hirepipe.services.question-service.read-timeout=2s",
        "resilience4j.circuitbreaker.instances.question-service.sliding-window-size=4",
        "resilience4j.circuitbreaker.instances.question-service.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.instances.question-service.wait-duration-in-open-state=2s",
        "resilience4j.timelimiter.instances.question-service.timeout-duration=1s",
        "resilience4j.retry.instances.question-service.wait-duration=50ms"})
@UsesInfrastructure({Infra.KAFKA, Infra.MONGO, Infra.REDIS})
@Import(MovableTimeConfiguration.class)
public abstract class AssessmentIntegrationTest {

    protected static final QuestionServiceStub QUESTION_SERVICE = QuestionServiceStub.start();
    protected static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void questionService(DynamicPropertyRegistry registry) {
        registry.add("hirepipe.services.question-service.url", QUESTION_SERVICE::url);
        registry.add("hirepipe.invitation-link.public-key", TestLinkKeys::publicJwk);
    }

    @LocalServerPort
    private int port;
    /** Service-to-service tokens (this service's own). */
    @Autowired
    protected InternalToken tokens;
    /** Signs as the gateway would, with the test kit's stand-in for its key. */
    protected final InternalTokenIssuer gateway = new InternalTokenIssuer(
            InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()), "hirepipe", Duration.ofSeconds(60),
            Clock.systemUTC());
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected OutboxRelay relay;

    protected final EventTopics kafka = EventTopics.shared();
    /** A tenant of this test alone. */
    protected String tenant;

    @BeforeEach
    void freshTenant() {
        tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
        QUESTION_SERVICE.define(tenant, javaTest("java-basics", 30));
    }

    /** Real HTTP to the service, as the gateway sends it: with {@code token} as bearer, none for null. */
    protected HttpApi api(String token) {
        return HttpApi.at("http://localhost:" + port).withBearer(token);
    }

    // --- test data -------------------------------------------------------------------------------------------

    /** Four questions: one of each kind, and a second single choice left unanswered by most tests. */
    protected static QuestionServiceStub.Test javaTest(String testId, int durationMinutes) {
        List<ChoiceOption> abcd = List.of(new ChoiceOption("a", "final"), new ChoiceOption("b", "static"),
                new ChoiceOption("c", "volatile"), new ChoiceOption("d", "transient"));
        List<ChoiceOption> abcde = List.of(new ChoiceOption("a", "List"), new ChoiceOption("b", "Set"),
                new ChoiceOption("c", "Map"), new ChoiceOption("d", "Queue"), new ChoiceOption("e", "Deque"));
        return new QuestionServiceStub.Test(testId, "Java basics", durationMinutes, 60, List.of(
                new QuestionServiceStub.Question("q-single", 3, QuestionKind.SINGLE_CHOICE, "Visibility",
                        "Which keyword guarantees visibility?", abcd, 2),
                new QuestionServiceStub.Question("q-multi", 1, QuestionKind.MULTI_CHOICE, "Collections",
                        "Which extend Collection?", abcde, 3),
                new QuestionServiceStub.Question("q-text", 2, QuestionKind.FREE_TEXT, "Indexes",
                        "When does an index hurt?", List.of(), 5),
                new QuestionServiceStub.Question("q-skipped", 1, QuestionKind.SINGLE_CHOICE, "GC",
                        "Which is a collector?", List.of(new ChoiceOption("x", "G1"), new ChoiceOption("y", "JIT")), 1)));
    }

    // --- callers ---------------------------------------------------------------------------------------------

    protected String recruiterToken() {
        return recruiterToken(tenant);
    }

    protected String recruiterToken(String tenantId) {
        return gateway.issue(Caller.recruiter(tenantId, "user-1", "rita@example.com"), "assessment-service");
    }

    /** A person of this tenant with {@code role}: ADMIN manages settings, VIEWER only reads. */
    protected String userToken(Role role) {
        return userToken(tenant, role);
    }

    protected String userToken(String tenantId, Role role) {
        return gateway.issue(Caller.user(tenantId, "user-" + role.name().toLowerCase(java.util.Locale.ROOT),
                role.name().toLowerCase(java.util.Locale.ROOT) + "@example.com", role), "assessment-service");
    }

    protected String adminToken() {
        return userToken(Role.ADMIN);
    }

    protected String adminToken(String tenantId) {
        return userToken(tenantId, Role.ADMIN);
    }

    protected String platformToken() {
        return gateway.issue(Caller.platform(tenant, "key-1"), "assessment-service");
    }

    protected String gatewayToken() {
        return gatewayToken("_platform");
    }

    /** The gateway calling within one tenant, as when it renews a candidate token. */
    protected String gatewayToken(String tenantId) {
        return gateway.issue(Caller.service(tenantId, "gateway"), "assessment-service");
    }

    protected String candidateToken(String invitationId) {
        return candidateToken(tenant, invitationId);
    }

    protected String candidateToken(String tenantId, String invitationId) {
        return gateway.issue(Caller.candidate(tenantId, invitationId), "assessment-service");
    }

    // --- flows -----------------------------------------------------------------------------------------------

    protected JsonNode invite(String testId, String candidateEmail) {
        return invite(Map.of("testId", testId, "candidate", Map.of("name", "Ada Lovelace", "email", candidateEmail)));
    }

    protected JsonNode invite(Map<String, Object> body) {
        HttpApi.Response response = api(recruiterToken()).post("/api/invitations", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    protected static String tokenOf(JsonNode created) {
        String url = created.get("accessUrl").asString();
        return url.substring(url.indexOf("#token=") + "#token=".length());
    }

    /** As the gateway does: redeem the link's token, then act with a candidate token for that invitation. */
    protected String redeemAsCandidate(JsonNode created) {
        JsonNode redemption = api(gatewayToken()).post("/internal/invitations/redeem", Map.of("token", tokenOf(created)))
                .expect(200);
        return candidateToken(redemption.get("tenantId").asString(), redemption.get("invitationId").asString());
    }

    protected JsonNode start(String candidateToken) {
        return api(candidateToken).post("/api/candidate/assessment/start", "").expect(200);
    }

    protected HttpApi.Response save(String candidateToken, String questionId, long sequence, List<String> options,
                                    String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequence", sequence);
        if (options != null) {
            body.put("selectedOptionIds", options);
        }
        if (text != null) {
            body.put("text", text);
        }
        return api(candidateToken).put("/api/candidate/assessment/answers/" + questionId, body);
    }

    /**
     * As the candidate does with the link from their invitation email (sealed in InvitationCreated, for invitations
     * made without the link in the answer, as a partner's are): starts, answers q-single with "a" and submits.
     *
     * @return the session id
     */
    protected String takeTheTestFromItsEmail(String invitationId) {
        InvitationCreated created = (InvitationCreated) awaitEvents("InvitationCreated", invitationId).get(0)
                .envelope().payload();
        String url = TestLinkKeys.open(created.sealedAccessUrl());
        JsonNode redemption = api(gatewayToken()).post("/internal/invitations/redeem",
                Map.of("token", url.substring(url.indexOf("#token=") + "#token=".length()))).expect(200);
        String candidate = candidateToken(redemption.get("tenantId").asString(), invitationId);
        String sessionId = start(candidate).get("sessionId").asString();
        save(candidate, "q-single", 1, List.of("a"), null).expect(200);
        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        return sessionId;
    }

    /** Waits for an event of {@code type} keyed {@code key} (invitation or session id); returns all read so far. */
    protected List<EventRecord> awaitEvents(String type, String key) {
        return kafka.awaitRecords(topicOf(type), r -> isEvent(r, type, key));
    }

    /** Every event of {@code type} keyed {@code key} on its topic, read to the topic's current end. */
    protected List<EventRecord> events(String type, String key) {
        return kafka.readToEnd(topicOf(type), r -> isEvent(r, type, key));
    }

    /**
     * {@link #events}, once invitation {@code invitationId} has nothing left in its outbox ({@link #awaitOutboxSent}):
     * "exactly one" then fails at once on a second event instead of passing because the relay was slow.
     */
    protected List<EventRecord> eventsOnceSent(String invitationId, String type, String key) {
        awaitOutboxSent(invitationId);
        return events(type, key);
    }

    /**
     * Waits until invitation {@code invitationId} has nothing left in its outbox, where its session's events and its
     * audit entries wait too. Events leave it only when Kafka has them, so every event the invitation's actions so far
     * emitted (a duplicate too) is on its topic by now. {@code relay.publishPending()} does not promise that: it skips
     * a document the background relay is still sending.
     */
    protected void awaitOutboxSent(String invitationId) {
        await().atMost(EVENT_WAIT).until(() -> {
            Document invitation = mongo.getCollection(Invitation.COLLECTION).find(new Document("_id", invitationId))
                    .first();
            return invitation != null && invitation.getList(Outbox.FIELD, Document.class, List.of()).isEmpty();
        });
    }

    private static boolean isEvent(EventRecord record, String type, String key) {
        return key.equals(record.key()) && record.envelope() != null && record.envelope().type().equals(type);
    }

    private static String topicOf(String type) {
        return EventType.fromWireName(type).orElseThrow(() -> new IllegalArgumentException("No event type " + type))
                .topic();
    }
}
