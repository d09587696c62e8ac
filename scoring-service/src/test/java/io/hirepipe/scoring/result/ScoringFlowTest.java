package io.hirepipe.scoring.result;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.ItemEvidence;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.contracts.events.QuestionRetired;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.scoring.ScoringServiceTest;
import io.hirepipe.scoring.answerkey.AnswerKey;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static io.hirepipe.scoring.TestEvents.envelope;
import static io.hirepipe.scoring.TestEvents.id;
import static io.hirepipe.scoring.TestEvents.multiChoice;
import static io.hirepipe.scoring.TestEvents.multiChoicePartial;
import static io.hirepipe.scoring.TestEvents.replicationVersusShardingWithExamples;
import static io.hirepipe.scoring.TestEvents.replicationVersusSharding;
import static io.hirepipe.scoring.TestEvents.singleChoice;
import static io.hirepipe.scoring.TestEvents.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Question and submission events in, results and AssessmentScored events out, over real Kafka and MongoDB. */
class ScoringFlowTest extends ScoringServiceTest {

    private static final String TENANT = "tenant-acme";
    private static final Caller RECRUITER = Caller.recruiter(TENANT, "user-1", "rita@recruiting.example");

    private final EventTopics kafka = EventTopics.shared();

    @Autowired
    MeterRegistry meters;
    @Autowired
    MongoTemplate mongo;

    @Test
    void scoresEveryKindOfItemAndAnnouncesTheResult() {
        String single = id("q-index");
        String multi = id("q-grpc");
        String free = id("q-repl");
        kafka.publish(envelope(singleChoice(single, 1, "b"), TENANT));
        kafka.publish(envelope(multiChoice(multi, 2, "a", "c"), TENANT));
        kafka.publish(envelope(replicationVersusSharding(free, 1), TENANT));
        // retiring a question stops new tests using it, not the scoring of sessions that have it
        kafka.publish(envelope(new QuestionRetired(single, 1), TENANT));
        String sessionId = id("ses");
        String invitationId = id("inv");
        EventEnvelope<AssessmentSubmitted> submitted = envelope(submission(sessionId, invitationId, 60,
                SubmitReason.TIMEOUT,
                new SubmittedAnswer(single, 1, List.of("b"), null, "Index trade-off"),
                new SubmittedAnswer(multi, 2, List.of("a"), null, "gRPC"),
                new SubmittedAnswer(free, 1, List.of(), """
                        Replication copies the data from the primary to read replicas. Sharding splits the data
                        across servers, each shard owning the rows of its range of the shard key.""",
                        "Replication vs sharding")), TENANT);
        kafka.publish(submitted);

        JsonNode result = awaitResult(sessionId);

        // 2 (single) + 0 (multi: a subset of the key) + 5 (all three key points) = 7 of 10
        assertThat(result.path("points").asInt()).isEqualTo(7);
        assertThat(result.path("maxPoints").asInt()).isEqualTo(10);
        assertThat(result.path("percent").asDouble()).isEqualTo(70.0);
        assertThat(result.path("passMarkPercent").asInt()).isEqualTo(60);
        assertThat(result.path("passed").asBoolean()).isTrue();
        assertThat(result.path("submitReason").asString()).isEqualTo("TIMEOUT");
        assertThat(result.path("invitationId").asString()).isEqualTo(invitationId);
        assertThat(result.path("testTitle").asString()).isEqualTo("Backend basics");
        assertThat(result.path("candidate").path("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(result.path("recruiterEmail").asString()).isEqualTo("rita@recruiting.example");
        JsonNode items = result.path("items");
        // The reviewer sees what was answered: the options picked, the text written.
        assertThat(items.get(0).path("selectedOptionIds").get(0).asString()).isEqualTo("b");
        // ... in the words of the version the candidate had
        assertThat(items.get(0).path("selectedOptions").get(0).path("text").asString())
                .isEqualTo("INSERT, UPDATE and DELETE");
        assertThat(items.get(1).path("selectedOptions").values()).extracting(o -> o.path("text").asString())
                .containsExactly("Uses HTTP/2");
        assertThat(items.get(2).path("selectedOptions").isEmpty()).isTrue();
        assertThat(items.get(0).path("answerText").isNull()).isTrue();
        assertThat(items.get(2).path("answerText").asString())
                .startsWith("Replication copies the data from the primary to read replicas.");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("questionId").asString()).isEqualTo(single);
        assertThat(items.values()).extracting(item -> item.path("title").asString())
                .containsExactly("Index trade-off", "gRPC", "Replication vs sharding");
        assertThat(items.get(0).path("points").asInt()).isEqualTo(2);
        assertThat(items.get(1).path("kind").asString()).isEqualTo("MULTI_CHOICE");
        assertThat(items.get(1).path("points").asInt()).isZero();
        assertThat(items.get(2).path("points").asInt()).isEqualTo(5);
        assertThat(items.get(2).path("matchedKeyPointIds").values()).extracting(JsonNode::asString)
                .containsExactly("copies", "split", "shard-key");
        assertThat(items.get(2).path("status").asString()).isEqualTo("SCORED");
        assertThat(items.get(2).path("evidence").path("keyPoints").values())
                .extracting(k -> k.path("id").asString() + "=" + k.path("verdict").asString())
                .containsExactly("copies=MET", "split=MET", "shard-key=MET");
        assertThat(items.get(2).path("evidence").path("keyPoints").get(2).path("description").asString())
                .isEqualTo("Names the shard key");
        assertThat(items.get(2).path("machinePoints").decimalValue()).isEqualByComparingTo("5");
        assertThat(items.get(2).path("humanPoints").isNull()).isTrue();
        assertThat(result.path("provisional").asBoolean()).isFalse();
        assertThat(result.path("reviewCount").asInt()).isZero();
        assertThat(result.has("outbox")).as("outbox is plumbing, not API").isFalse();

        AssessmentScored scored = awaitScoredEvent(sessionId);
        assertThat(scored.points()).isEqualByComparingTo("7");
        assertThat(scored.provisional()).as("clear, complete answers leave nothing to review").isFalse();
        assertThat(scored.reviewCount()).isZero();
        assertThat(scored.maxPoints()).isEqualTo(10);
        assertThat(scored.percent()).isEqualTo(70.0);
        assertThat(scored.passed()).isTrue();
        assertThat(scored.submitReason()).isEqualTo(SubmitReason.TIMEOUT);
        assertThat(scored.submittedAt()).as("what submit → report is measured from")
                .isEqualTo(submitted.payload().submittedAt());
        assertThat(scored.invitationId()).isEqualTo(invitationId);
        assertThat(scored.testId()).isEqualTo("test-backend");
        assertThat(scored.candidate().email()).isEqualTo("ada@example.org");
        assertThat(scored.recruiterEmail()).isEqualTo("rita@recruiting.example");
        assertThat(scored.items()).extracting(ItemScore::questionId, ItemScore::kind, i -> i.points().intValue(),
                        ItemScore::title, ItemScore::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(single, QuestionKind.SINGLE_CHOICE, 2, "Index trade-off",
                                ItemStatus.SCORED),
                        org.assertj.core.groups.Tuple.tuple(multi, QuestionKind.MULTI_CHOICE, 0, "gRPC",
                                ItemStatus.SCORED),
                        org.assertj.core.groups.Tuple.tuple(free, QuestionKind.FREE_TEXT, 5,
                                "Replication vs sharding", ItemStatus.SCORED));
        assertThat(scored.items().get(2).evidence().met()).extracting(ItemEvidence.Point::description)
                .containsExactly("Replication copies data to replicas", "Sharding splits data across servers",
                        "Names the shard key");
        assertThat(scored.items().get(0).evidence()).as("choice items have no evidence").isNull();

        EventEnvelope<EventPayload> event = kafka.awaitRecords(Topics.RESULTS, r -> isScoredEventOf(r, sessionId)).get(0)
                .envelope();
        assertThat(event.tenantId()).isEqualTo(TENANT);
        assertThat(event.schemaVersion()).isEqualTo(4);
        assertThat(event.correlationId()).as("the submission's correlation id travels on")
                .isEqualTo(submitted.correlationId());
    }

    @Test
    void theReadModelKeepsWhatGradersNeedAndPartialCreditAppliesWhereTheQuestionAsksForIt() {
        String partial = id("q-grpc-partial");
        String free = id("q-repl");
        kafka.publish(envelope(multiChoicePartial(partial, 1), TENANT));
        kafka.publish(envelope(replicationVersusShardingWithExamples(free, 4), TENANT));
        String sessionId = id("ses");
        kafka.publish(envelope(submission(sessionId, id("inv"), 50, SubmitReason.CANDIDATE,
                new SubmittedAnswer(partial, 1, List.of("a", "b", "c"), null, "gRPC"),
                new SubmittedAnswer(free, 4, List.of(), "  ", "Replication vs sharding")), TENANT));

        JsonNode result = awaitResult(sessionId);

        assertThat(result.path("items").get(0).path("points").decimalValue()).as("3 × (2 right − 1 wrong) / 2")
                .isEqualByComparingTo("1.5");
        assertThat(result.path("items").get(1).path("status").asString()).isEqualTo("UNANSWERED");
        assertThat(result.path("items").get(1).path("points").decimalValue()).isZero();
        assertThat(result.path("points").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(result.path("percent").asDouble()).isEqualTo(18.8);
        AnswerKey key = mongo.findById(AnswerKey.idOf(TENANT, free, 4), AnswerKey.class);
        assertThat(key.prompt()).isEqualTo("What is the difference between replication and sharding?");
        assertThat(key.title()).isEqualTo("Replication vs sharding");
        assertThat(key.keyPoints().get(0).description()).isEqualTo("Replication copies data to replicas");
        assertThat(key.keyPoints().get(0).examples()).containsExactly("Every replica holds the whole data set.");
        assertThat(key.misconceptions()).extracting(m -> m.id() + "/" + m.points()).containsExactly("all-nodes/1");
        assertThat(mongo.findById(AnswerKey.idOf(TENANT, partial, 1), AnswerKey.class).choiceScoring())
                .isEqualTo(ChoiceScoring.PARTIAL);
    }

    @Test
    void aRedeliveredSubmissionChangesNothing() {
        String question = id("q-index");
        EventEnvelope<QuestionPublished> published = envelope(singleChoice(question, 1, "b"), TENANT);
        kafka.publish(published);
        kafka.publish(published);
        String sessionId = id("ses");
        String invitationId = id("inv");
        EventEnvelope<AssessmentSubmitted> submitted = envelope(submission(sessionId, invitationId, 50,
                SubmitReason.CANDIDATE, new SubmittedAnswer(question, 1, List.of("b"), null, "Index trade-off")),
                TENANT);
        kafka.publish(submitted);
        awaitResult(sessionId);

        // the same record again, and the same session under a new event id with different answers
        kafka.publish(submitted);
        RecordMetadata last = kafka.publish(envelope(submission(sessionId, invitationId, 50, SubmitReason.CANDIDATE,
                new SubmittedAnswer(question, 1, List.of("a"), null, "Index trade-off")), TENANT));
        kafka.awaitConsumed("scoring-service", last);
        // a second scoring would be in the result's outbox by now; once that is empty it is on the topic too
        awaitResultEventsSent(sessionId);

        JsonNode results = api(RECRUITER).get("/api/results?invitationId=" + invitationId).json().get("items");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).path("points").asInt()).as("the first scoring stands").isEqualTo(2);
        assertThat(kafka.readToEnd(Topics.RESULTS, r -> isScoredEventOf(r, sessionId))).hasSize(1);
        assertThat(mongo.count(Query.query(Criteria.where("questionId").is(question)), AnswerKey.class))
                .as("a redelivered question event upserts the same answer key").isEqualTo(1);
    }

    @Test
    void aSubmissionAheadOfItsQuestionIsParkedUntilTheQuestionArrives() {
        // also a submission from an older assessment-service, which sent no titles
        String question = id("q-late");
        String sessionId = id("ses");
        double deferredBefore = deferred();
        RecordMetadata submitted = kafka.publish(envelope(submission(sessionId, id("inv"), 50, SubmitReason.CANDIDATE,
                new SubmittedAnswer(question, 1, List.of(), "We copy the data to replicas and use a shard key.",
                        null)),
                TENANT));

        kafka.awaitConsumed("scoring-service", submitted);
        assertThat(deferred()).isGreaterThan(deferredBefore);
        assertThat(api(RECRUITER).get("/api/results/" + sessionId).status())
                .as("not scored as zero while the question is unknown").isEqualTo(404);
        assertThat(parkedSessions()).contains(sessionId);
        assertThat(kafka.readToEnd(Topics.deadLetterOf(Topics.SUBMISSIONS), r -> sessionId.equals(r.key())))
                .as("parked, not dead-lettered").isEmpty();

        kafka.publish(envelope(replicationVersusSharding(question, 1), TENANT));

        JsonNode result = awaitResult(sessionId);
        assertThat(result.path("points").asInt()).isEqualTo(3);
        assertThat(result.path("items").get(0).path("matchedKeyPointIds").values()).extracting(JsonNode::asString)
                .containsExactly("copies", "shard-key");
        assertThat(result.path("items").get(0).path("title").isNull()).as("no title was sent, none is made up")
                .isTrue();
        assertThat(awaitScoredEvent(sessionId).items().get(0).title()).isNull();
        assertThat(parkedSessions()).doesNotContain(sessionId);
    }

    @Test
    void aSubmissionWhoseQuestionNeverArrivesStaysParkedAndIsNeverScored() {
        // the question exists, but in another tenant: answer keys never cross tenants
        String question = id("q-other-tenant");
        kafka.publish(envelope(singleChoice(question, 1, "b"), "tenant-globex"));
        String sessionId = id("ses");
        RecordMetadata submitted = kafka.publish(envelope(submission(sessionId, id("inv"), 50, SubmitReason.CANDIDATE,
                new SubmittedAnswer(question, 1, List.of("b"), null, "Index trade-off")), TENANT));

        kafka.awaitConsumed("scoring-service", submitted);

        assertThat(api(RECRUITER).get("/api/results/" + sessionId).status()).isEqualTo(404);
        JsonNode parked = api(RECRUITER).get("/api/operations/scoring/parked-submissions?limit=500").json()
                .get("items");
        assertThat(parked.values()).filteredOn(p -> p.path("sessionId").asString().equals(sessionId))
                .singleElement()
                .satisfies(p -> assertThat(p.path("waitingFor").get(0).asString()).isEqualTo(question + ":1"));
        assertThat(kafka.readToEnd(Topics.deadLetterOf(Topics.SUBMISSIONS), r -> sessionId.equals(r.key()))).isEmpty();
        assertThat(api(Caller.recruiter("tenant-globex", "u", "g@globex.example"))
                .get("/api/operations/scoring/parked-submissions?limit=500").json().toString())
                .as("another tenant does not see it").doesNotContain(sessionId);
    }

    @Test
    void eventTypesThisBuildDoesNotKnowAreSkipped() {
        String sessionId = id("ses");
        RecordMetadata unknown = kafka.publishRaw(Topics.SUBMISSIONS, sessionId, """
                {"eventId":"%s","type":"AssessmentPaused","schemaVersion":1,"tenantId":"%s",
                 "payload":{"sessionId":"%s"}}""".formatted(id("evt"), TENANT, sessionId));

        kafka.awaitConsumed("scoring-service", unknown);

        assertThat(api(RECRUITER).get("/api/results/" + sessionId).status()).isEqualTo(404);
        assertThat(kafka.readToEnd(Topics.deadLetterOf(Topics.SUBMISSIONS), r -> sessionId.equals(r.key()))).isEmpty();
    }

    private JsonNode awaitResult(String sessionId) {
        HttpApi api = api(RECRUITER);
        HttpApi.Response[] found = new HttpApi.Response[1];
        await().atMost(Duration.ofSeconds(45)).until(() -> {
            found[0] = api.get("/api/results/" + sessionId);
            return found[0].status() == 200;
        });
        return found[0].json();
    }

    private AssessmentScored awaitScoredEvent(String sessionId) {
        return (AssessmentScored) kafka.awaitRecords(Topics.RESULTS, r -> isScoredEventOf(r, sessionId)).get(0).payload();
    }

    private static boolean isScoredEventOf(EventRecord record, String sessionId) {
        return record.payload() instanceof AssessmentScored scored && scored.sessionId().equals(sessionId);
    }

    private List<String> parkedSessions() {
        return api(RECRUITER).get("/api/operations/scoring/parked-submissions?limit=500").json().get("items").values()
                .stream().map(p -> p.path("sessionId").asString()).toList();
    }

    private double deferred() {
        return meters.counter("hirepipe.scoring.awaiting.answer.keys").count();
    }
}
