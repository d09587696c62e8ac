package io.hirepipe.scoring.operations;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.scoring.ScoringServiceTest;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.hirepipe.scoring.TestEvents.envelope;
import static io.hirepipe.scoring.TestEvents.id;
import static io.hirepipe.scoring.TestEvents.singleChoice;
import static io.hirepipe.scoring.TestEvents.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Operators of a tenant see what their dead-letter topics hold and replay it, over real Kafka. */
class DeadLetterOperationsTest extends ScoringServiceTest {

    private static final String ACME = "tenant-ops-acme-" + id("t");
    private static final String GLOBEX = "tenant-ops-globex-" + id("t");
    private static final Caller RITA = Caller.recruiter(ACME, "user-rita", "rita@acme.example");
    private static final Caller GUS = Caller.recruiter(GLOBEX, "user-gus", "gus@globex.example");

    private static final String OPS = "/api/operations/scoring";

    private final EventTopics kafka = EventTopics.shared();

    @Autowired
    private KafkaTemplate<Object, Object> kafkaTemplate;
    @Autowired
    private KafkaProperties kafkaProperties;

    @Test
    void aPoisonRecordIsListedWithWhyItFailedToItsTenantOnly() {
        String sessionKey = id("ses");
        String eventId = id("evt");
        kafka.publishRaw(Topics.SUBMISSIONS, sessionKey, """
                {"eventId":"%s","type":"AssessmentSubmitted","schemaVersion":1,"tenantId":"%s",
                 "payload":{"invitationId":"inv-1","answers":[]}}""".formatted(eventId, ACME));

        JsonNode letter = awaitDeadLetter(RITA, eventId);

        assertThat(letter.path("topic").asString()).isEqualTo(Topics.deadLetterOf(Topics.SUBMISSIONS));
        assertThat(letter.path("originalTopic").asString()).isEqualTo(Topics.SUBMISSIONS);
        assertThat(letter.path("type").asString()).isEqualTo("AssessmentSubmitted");
        assertThat(letter.path("key").asString()).isEqualTo(sessionKey);
        assertThat(letter.path("error").asString()).contains("has no sessionId");
        assertThat(letter.path("id").asString()).startsWith(Topics.deadLetterOf(Topics.SUBMISSIONS) + ":");
        assertThat(letter.path("replayedAt").isNull()).isTrue();
        assertThat(deadLetters(GUS).toString()).as("another tenant's dead letters do not exist")
                .doesNotContain(eventId);
        api(GUS).post(OPS + "/dead-letters/" + letter.path("id").asString() + "/replay", null)
                .problem(404, "not-found");
    }

    @Test
    void aReplayedSubmissionIsScoredAndCannotBeReplayedTwice() {
        // dead-lettered by an older build, whose bounded retry gave up before the question arrived
        String question = id("q-index");
        kafka.publish(envelope(singleChoice(question, 1, "b"), ACME));
        String sessionId = id("ses");
        EventEnvelope<AssessmentSubmitted> submitted = envelope(submission(sessionId, id("inv"), 50,
                SubmitReason.CANDIDATE, new SubmittedAnswer(question, 1, List.of("b"), null, "Index trade-off")), ACME);
        kafka.publishRaw(Topics.deadLetterOf(Topics.SUBMISSIONS), sessionId, EventJson.toJson(submitted));
        String id = awaitDeadLetter(RITA, submitted.eventId()).path("id").asString();
        assertThat(api(RITA).get("/api/results/" + sessionId).status()).isEqualTo(404);

        JsonNode replayed = api(RITA).post(OPS + "/dead-letters/" + id + "/replay", null).expect(200);

        assertThat(replayed.path("replayedBy").asString()).isEqualTo("rita@acme.example");
        assertThat(replayed.path("replayedAt").isString()).isTrue();
        await().atMost(Duration.ofSeconds(45)).until(() -> api(RITA).get("/api/results/" + sessionId).status() == 200);
        assertThat(api(RITA).get("/api/results/" + sessionId).json().path("points").asInt()).isEqualTo(2);
        api(RITA).post(OPS + "/dead-letters/" + id + "/replay", null).problem(409, "already-replayed");
        assertThat(awaitDeadLetter(RITA, submitted.eventId()).path("replayedBy").asString())
                .isEqualTo("rita@acme.example");
    }

    @Test
    void whatAnotherServiceGaveUpOnIsNotScoringsToListOrReplay() throws Exception {
        // notification-service consumes the same topic and dead-letters into the same .DLT, under its own group
        String sessionId = id("ses");
        EventEnvelope<AssessmentSubmitted> submitted = envelope(submission(sessionId, id("inv"), 50,
                SubmitReason.CANDIDATE), ACME);
        ProducerRecord<Object, Object> foreign = new ProducerRecord<>(Topics.deadLetterOf(Topics.SUBMISSIONS),
                sessionId, EventJson.toBytes(submitted));
        foreign.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP,
                "notification-service".getBytes(StandardCharsets.UTF_8));
        foreign.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                ("Submission event " + submitted.eventId() + ": no candidate email").getBytes(StandardCharsets.UTF_8));
        RecordMetadata written = kafkaTemplate.send(foreign).get(10, TimeUnit.SECONDS).getRecordMetadata();

        assertThat(deadLetters(RITA).toString()).as("the list is scoring's failures, read to the end when asked")
                .doesNotContain(submitted.eventId());
        api(RITA).post(OPS + "/dead-letters/" + written.topic() + ":" + written.partition() + ":" + written.offset()
                + "/replay", null).problem(404, "not-found");
    }

    @Test
    void whenTheTopicsHoldMoreThanIsReadTheNewestAreTheOnesRead() {
        // after an incident the .DLT topics hold more than one listing reads: the latest failures must be in it
        String topic = Topics.deadLetterOf(Topics.SUBMISSIONS);
        int partitions = kafkaTemplate.partitionsFor(topic).size()
                + kafkaTemplate.partitionsFor(Topics.deadLetterOf(Topics.QUESTIONS)).size();
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < 10 * partitions; i++) {
            EventEnvelope<AssessmentSubmitted> failed = envelope(submission(id("ses"), id("inv"), 50,
                    SubmitReason.CANDIDATE), ACME);
            kafka.publishRaw(topic, failed.payload().sessionId(), EventJson.toJson(failed));
            eventIds.add(failed.eventId());
        }

        // a budget of one record per partition: the newest of each
        List<String> read = new DeadLetterTopics(kafkaProperties, partitions).readAll().stream()
                .map(letter -> letter.envelope() == null ? null : letter.envelope().eventId()).toList();

        assertThat(read).hasSizeLessThanOrEqualTo(partitions).contains(eventIds.get(eventIds.size() - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense", "hirepipe.submissions.v1.DLT:0", "hirepipe.submissions.v1.DLT:x:1",
            "hirepipe.submissions.v1.DLT:-1:0", "hirepipe.submissions.v1.DLT:0:-5",
            "hirepipe.submissions.v1.DLT:99:0", "hirepipe.submissions.v1.DLT:0:999999999",
            "hirepipe.invitations.v1.DLT:0:0", "hirepipe.submissions.v1:0:0"})
    void unknownDeadLettersAreA404Problem(String id) {
        api(RITA).post(OPS + "/dead-letters/" + id + "/replay", null).problem(404, "not-found");
    }

    @Test
    void recruitersAndPlatformKeysOperateAndNobodyElse() {
        // the gateway lets a key through only with the operations:manage scope
        api(Caller.platform(ACME, "key-1")).get(OPS + "/dead-letters").expect(200);
        api(Caller.platform(ACME, "key-1")).get(OPS + "/parked-submissions").expect(200);
        assertThat(api(Caller.user(ACME, "viewer-1", null, Role.VIEWER)).get(OPS + "/dead-letters").problem(403)
                .path("detail").asString()).isEqualTo("This operation needs the RECRUITER role or a higher one; ask an "
                + "administrator of your organisation.");
        assertThat(api(Caller.candidate(ACME, "inv-1")).get(OPS + "/dead-letters").problem(403).path("detail")
                .asString()).isEqualTo("A candidate's session cannot call this operation.");
        assertThat(api(Caller.candidate(ACME, "inv-1")).get(OPS + "/parked-submissions").status())
                .isEqualTo(403);
        assertThat(api(Caller.service(ACME, "assessment-service"))
                .post(OPS + "/dead-letters/x:0:0/replay", null).status()).isEqualTo(403);
        assertThat(api(null).get(OPS + "/dead-letters").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=501", "limit=abc"})
    void badLimitsAreA400Problem(String query) {
        api(RITA).get(OPS + "/dead-letters?" + query).problem(400);
        api(RITA).get(OPS + "/parked-submissions?" + query).problem(400);
    }

    private JsonNode awaitDeadLetter(Caller caller, String eventId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(45)).until(() -> {
            Optional<JsonNode> letter = deadLetters(caller).values().stream()
                    .filter(l -> eventId.equals(l.path("eventId").asString())).findFirst();
            letter.ifPresent(l -> found[0] = l);
            return letter.isPresent();
        });
        return found[0];
    }

    private JsonNode deadLetters(Caller caller) {
        HttpApi.Response response = api(caller).get(OPS + "/dead-letters?limit=500");
        return response.expect(200).get("items");
    }
}
