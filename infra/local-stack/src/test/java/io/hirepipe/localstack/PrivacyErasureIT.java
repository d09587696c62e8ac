package io.hirepipe.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.UnrecognizedEvent;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import org.apache.kafka.clients.producer.RecordMetadata;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure across the whole stack, through the gateway: after one candidate is erased, no MongoDB
 * collection of any service and no Redis key holds their email, name or answer, while another
 * candidate of the same test is still there in full.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedLocalStack.class)
class PrivacyErasureIT {

    private LocalStack stack;
    private HttpApi anonymous;
    private HttpApi recruiter;

    @BeforeAll
    void useSharedStack(SharedLocalStack.Stack shared) {
        stack = shared.get();
        anonymous = HttpApi.at(stack.gatewayUrl().toString());
        JsonNode login = anonymous.post("/api/v1/auth/login", Map.of(
                "email", stack.demo().recruiterEmail(), "password", stack.demo().recruiterPassword())).expect(200);
        recruiter = anonymous.withBearer(login.get("token").asString());
    }

    @Test
    void anErasedCandidateIsInNoCollectionOfAnyServiceAndNotInRedisWhileAnotherRemains() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String idempotencyKey = "erin-" + marker;
        Candidate erased = takeTheTest("Erin Quimby" + marker, "erin." + marker + "@example.com",
                "Erin's own words " + marker, idempotencyKey);
        Candidate kept = takeTheTest("Kit Marlowe" + marker, "kit." + marker + "@example.com",
                "Kit's own words " + marker, null);
        for (Candidate candidate : List.of(erased, kept)) {
            new SinkMailbox(stack).mailTo(stack.demo().recruiterEmail(), candidate.name);
        }
        assertThat(hitsIn(erased)).as("the candidate is in several services before erasure").hasSizeGreaterThan(2);

        HttpApi.Response accepted = recruiter.post("/api/v1/privacy/erasures", Map.of("email", erased.email.toUpperCase(Locale.ROOT)));
        String erasureId = accepted.expect(202).get("erasureId").asString();
        assertThat(accepted.location()).hasValueSatisfying(l -> assertThat(l).contains("/api/v1/privacy/erasures/" + erasureId));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                "ERASED".equals(recruiter.get("/api/v1/privacy/erasures/" + erasureId).expect(200).get("status").asString()));
        JsonNode status = recruiter.get("/api/v1/privacy/erasures/" + erasureId).expect(200);
        assertThat(status.get("services").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("assessment-service", "scoring-service", "notification-service");
        assertThat(status.get("removedCounts").get("scoring-service").get("results").asLong()).isEqualTo(1);

        assertThat(hitsIn(erased)).as("every MongoDB collection and Redis key").isEmpty();

        // Events published before the erasure and delivered after it (a slow consumer, a redelivery, a replay)
        // bring nothing back: no result, no email, no delivery log entry, no webhook copy.
        try (EventTopics kafka = new EventTopics("127.0.0.1:" + stack.config().ports().kafka(), Duration.ofSeconds(30))) {
            List<RecordMetadata> late = new ArrayList<>();
            for (String topic : List.of(Topics.SUBMISSIONS, Topics.RESULTS)) {
                for (EventRecord record : kafka.readToEnd(topic, r -> erased.sessionId.equals(r.key())
                        && r.payload() != null && !(r.payload() instanceof UnrecognizedEvent))) {
                    late.add(kafka.publish(EventEnvelope.of(record.payload(), stack.demo().tenantId(), "corr-late")));
                }
            }
            assertThat(late).as("the candidate's submission and score, as they were published").hasSizeGreaterThan(1);
            for (RecordMetadata event : late) {
                for (String group : List.of("scoring-service", "notification-service", "notification-service-webhooks")) {
                    if (event.topic().equals(Topics.SUBMISSIONS) || !group.startsWith("scoring")) {
                        kafka.awaitConsumed(group, event);
                    }
                }
            }
        }
        assertThat(hitsIn(erased)).as("after late events of the erased candidate").isEmpty();
        // the kept response of the invitation's creation is not replayed, nor is the candidate invited again
        recruiter.withHeader("Idempotency-Key", idempotencyKey).post("/api/v1/invitations", Map.of("testId",
                stack.demo().demoTestId(), "candidate", Map.of("name", erased.name, "email", erased.email)))
                .problem(410, "candidate-erased");
        assertThat(status.get("removedCounts").get("assessment-service").get("idempotency_keys").asLong()).isEqualTo(1);
        assertThat(hitsIn(kept)).as("the other candidate is untouched")
                .anyMatch(hit -> hit.startsWith("hirepipe-assessments.invitations"))
                .anyMatch(hit -> hit.startsWith("hirepipe-scoring.results"));
        // the erased result still counts: its score is there for the recruiter and for statistics
        JsonNode result = recruiter.get("/api/v1/results/" + erased.sessionId).expect(200);
        assertThat(result.get("percent").isNumber()).isTrue();
        assertThat(result.toString()).doesNotContain(erased.name).doesNotContain(erased.answer);
    }

    private record Candidate(String name, String email, String answer, String sessionId) {
    }

    /** Invited on the demo test (with the Idempotency-Key, if any), answers every question (its words in the free-text ones), submits, is scored. */
    private Candidate takeTheTest(String name, String email, String words, String idempotencyKey) {
        HttpApi inviting = idempotencyKey == null ? recruiter : recruiter.withHeader("Idempotency-Key", idempotencyKey);
        JsonNode created = inviting.post("/api/v1/invitations", Map.of("testId", stack.demo().demoTestId(),
                "candidate", Map.of("name", name, "email", email))).expect(201);
        String link = created.get("accessUrl").asString();
        HttpApi candidate = anonymous.withBearer(anonymous.post("/api/v1/auth/candidate",
                Map.of("invitationToken", link.substring(link.indexOf("#token=") + 7))).expect(200).get("token").asString());
        JsonNode session = candidate.post("/api/v1/candidate/assessment/start", Map.of()).expect(200);
        CandidateAnswers.answerEveryQuestionAndSubmit(candidate, session, words);
        String sessionId = session.get("sessionId").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> recruiter.get("/api/v1/results/" + sessionId).status() == 200);
        return new Candidate(name, email, words, sessionId);
    }

    /** Where the candidate's email, name or words appear: "database.collection" per document, "redis:key" per key. */
    private List<String> hitsIn(Candidate candidate) {
        List<String> needles = List.of(candidate.email.toLowerCase(Locale.ROOT), candidate.name.toLowerCase(Locale.ROOT),
                candidate.answer.toLowerCase(Locale.ROOT));
        List<String> hits = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + stack.config().ports().mongo())) {
            for (String databaseName : mongo.listDatabaseNames()) {
                MongoDatabase database = mongo.getDatabase(databaseName);
                for (String collection : database.listCollectionNames()) {
                    for (Document document : database.getCollection(collection).find()) {
                        String json = document.toJson().toLowerCase(Locale.ROOT);
                        if (needles.stream().anyMatch(json::contains)) {
                            hits.add(databaseName + "." + collection + " " + document.get("_id"));
                        }
                    }
                }
            }
        }
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + stack.config().ports().redis());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.limit(500));
                for (String key : page.getKeys()) {
                    String value = switch (redis.type(key)) {
                        case "string" -> redis.get(key);
                        case "hash" -> redis.hgetall(key).toString();
                        case "list" -> redis.lrange(key, 0, -1).toString();
                        case "set" -> redis.smembers(key).toString();
                        case "zset" -> redis.zrange(key, 0, -1).toString();
                        default -> "";
                    };
                    String lower = (key + " " + value).toLowerCase(Locale.ROOT);
                    if (needles.stream().anyMatch(lower::contains)) {
                        hits.add("redis:" + key);
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
        return hits;
    }
}
