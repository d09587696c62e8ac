package io.hirepipe.scoring.privacy;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.scoring.TestEvents;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.CandidateErasureCompleted;
import io.hirepipe.contracts.events.CandidateErasureRequested;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.PrivacySettingsChanged;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.defaults.privacy.PrivacySettingsReplica;
import io.hirepipe.defaults.privacy.RetentionJob;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.scoring.ScoringServiceTest;
import io.hirepipe.scoring.result.ParkedSubmission;
import io.hirepipe.scoring.result.ScoringResult;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.EventTopics;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.hirepipe.scoring.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;

/** Erasure and retention of results: the candidate's name, email and words go, the scores stay. */
class ScoringPrivacyTest extends ScoringServiceTest {

    private final EventTopics kafka = EventTopics.shared();

    @Autowired
    MongoTemplate mongo;
    @Autowired
    PrivacySettingsReplica settings;
    @Autowired
    ScoringCandidateData eraser;

    @Test
    void erasureAnonymisesTheCandidatesResultsKeepsTheirScoresAndAnswersOncePerRequest() {
        String tenant = "tenant-" + id("t");
        String invitation = id("inv");
        String session = id("ses");
        String other = id("ses");
        Instant now = Instant.now();
        mongo.insert(result(session, tenant, invitation, "Grace Hopper", "grace@example.org", now));
        mongo.insert(result(other, tenant, id("inv"), "Ada Lovelace", "ada@example.org", now));
        mongo.insert(new ParkedSubmission(session, tenant, "evt-1", "{\"name\":\"Grace Hopper\"}", List.of("q:1"), now, now));

        CandidateErasureCompleted completed = requestErasure(tenant, "era-" + id("e"), invitation, session);

        assertThat(completed.service()).isEqualTo("scoring-service");
        assertThat(completed.removedCounts()).containsEntry("results", 1L).containsEntry("parked_submissions", 1L);
        String stored = mongo.findById(session, Document.class, "results").toJson();
        assertThat(stored).doesNotContain("Grace", "grace@example.org", "COBOL", "gh-4711");
        assertThat(mongo.findById(session, Document.class, "parked_submissions")).isNull();
        assertThat(mongo.findById(other, Document.class, "results").toJson())
                .contains("Ada Lovelace", "ada@example.org", "COBOL");
        // the score stays for statistics and the recruiter
        JsonNode view = api(Caller.recruiter(tenant, "u-1", "rita@example.com")).get("/api/results/" + session).expect(200);
        assertThat(view.get("points").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(view.toString()).doesNotContain("Grace", "COBOL");

        CandidateErasureCompleted again = requestErasure(tenant, "era-" + id("e"), invitation, session);
        assertThat(again.removedCounts()).containsEntry("results", 0L).containsEntry("parked_submissions", 0L);
    }

    @Test
    void aSubmissionDeliveredAfterItsCandidateWasErasedIsNeitherScoredNorParkedNorAnnounced() {
        String tenant = "tenant-" + id("t");
        String invitation = id("inv");
        String session = id("ses");
        String question = id("q");
        kafka.awaitConsumed("scoring-service", kafka.publish(TestEvents.envelope(
                TestEvents.singleChoice(question, 1, "b"), tenant)));
        requestErasure(tenant, "era-" + id("e"), invitation, session);

        // published before the erasure, delivered after it
        RecordMetadata late = kafka.publish(TestEvents.envelope(TestEvents.submission(session, invitation, 50,
                SubmitReason.CANDIDATE, new SubmittedAnswer(question, 1, List.of("b"), null, "Pick one")), tenant));
        kafka.awaitConsumed("scoring-service", late);

        assertThat(mongo.findById(session, Document.class, "results")).isNull();
        assertThat(mongo.findById(session, Document.class, "parked_submissions")).isNull();
        assertThat(kafka.readToEnd(Topics.RESULTS, r -> session.equals(r.key()))).isEmpty();
        // a submission of another candidate of the same tenant is scored as ever
        String other = id("ses");
        kafka.publish(TestEvents.envelope(TestEvents.submission(other, id("inv"), 50, SubmitReason.CANDIDATE,
                new SubmittedAnswer(question, 1, List.of("b"), null, "Pick one")), tenant));
        assertThat(kafka.awaitRecords(Topics.RESULTS, r -> other.equals(r.key()))).isNotEmpty();
    }

    @Test
    void scoredEventsStillWaitingInTheOutboxLoseTheNameAndARedeliveredRequestReportsTheFirstCounts() {
        String tenant = "tenant-" + id("t");
        String invitation = id("inv");
        String session = id("ses");
        ScoringResult stored = result(session, tenant, invitation, "Grace Hopper", "grace@example.org", Instant.now());
        AssessmentScored scored = new AssessmentScored(session, invitation, "test-1", "Backend basics",
                new Person("Grace Hopper", "grace@example.org"), "rita@example.com", new BigDecimal("3.5"), 4, 87.5, 60,
                true, SubmitReason.CANDIDATE, List.of(), Instant.now(), false, 0);
        mongo.insert(stored);
        // the relay has not got to it yet: leased far ahead, it waits in the outbox
        mongo.updateFirst(Query.query(Criteria.where("_id").is(session)), Outbox.append(new Update()
                        .set("outboxLeaseUntil", Instant.now().plus(Duration.ofHours(1))),
                EventEnvelope.of(scored, tenant, "corr-scored")), "results");

        String erasureId = "era-" + id("e");
        EventEnvelope<CandidateErasureRequested> request = EventEnvelope.of(new CandidateErasureRequested(erasureId,
                List.of(invitation), List.of(session), null, Instant.now()), tenant, "corr-erase");
        kafka.publish(request);
        kafka.awaitRecords(Topics.PRIVACY, r -> erasureId.equals(r.key()) && r.payload() instanceof CandidateErasureCompleted);

        List<Document> pending = mongo.findById(session, Document.class, "results").getList("outbox", Document.class);
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).getString("json")).doesNotContain("Grace", "grace@example.org")
                .contains(session, "Erased candidate");

        // the same request again (a redelivery): no second answer with zero counts
        kafka.awaitConsumed("scoring-service", kafka.publish(request));
        List<CandidateErasureCompleted> answers = kafka.readToEnd(Topics.PRIVACY, r -> erasureId.equals(r.key())
                        && r.payload() instanceof CandidateErasureCompleted).stream()
                .map(r -> (CandidateErasureCompleted) r.payload()).toList();
        assertThat(answers).isNotEmpty().allSatisfy(answer -> assertThat(answer.removedCounts())
                .containsEntry("results", 1L).containsEntry("pending_events", 1L));
    }

    @Test
    void aRequestRedeliveredAfterAStopBetweenErasingAndAnsweringReportsWhatItErasedNotZeros() {
        String tenant = "tenant-" + id("t");
        String invitation = id("inv");
        String session = id("ses");
        mongo.insert(result(session, tenant, invitation, "Grace Hopper", "grace@example.org", Instant.now()));
        String erasureId = "era-" + id("e");
        CandidateErasureRequested request = new CandidateErasureRequested(erasureId, List.of(invitation),
                List.of(session), null, Instant.now());
        // the first delivery opened its answer and erased, then the service stopped before the answer was written
        mongo.insert(new Document("_id", erasureId).append("tenantId", tenant).append("state", "ERASING"),
                "privacy_erasure_answers");
        eraser.erase(tenant, request);

        kafka.publish(EventEnvelope.of(request, tenant, "corr-redelivered"));

        CandidateErasureCompleted answer = (CandidateErasureCompleted) kafka.awaitRecords(Topics.PRIVACY,
                r -> erasureId.equals(r.key()) && r.payload() instanceof CandidateErasureCompleted).get(0).payload();
        assertThat(answer.removedCounts()).containsEntry("results", 1L);
        assertThat(mongo.findById(session, Document.class, "results").toJson()).doesNotContain("Grace");
    }

    @Test
    void retentionAnonymisesResultsScoredLongerAgoAndNothingElse() {
        String tenant = "tenant-" + id("t");
        String untouchedTenant = "tenant-" + id("t");
        Instant now = Instant.now();
        kafka.awaitConsumed("scoring-service", kafka.publish(EventEnvelope.of(
                new PrivacySettingsChanged(tenant, 30, "DPO", "dpo@acme.example", 1, now), tenant, "corr-ret")));
        assertThat(settings.retentionDaysByTenant()).containsEntry(tenant, 30);
        String expired = id("ses");
        String young = id("ses");
        String elsewhere = id("ses");
        mongo.insert(result(expired, tenant, id("inv"), "Old Candidate", "old@example.org", now.minus(Duration.ofDays(31))));
        mongo.insert(result(young, tenant, id("inv"), "Young Candidate", "young@example.org", now.minus(Duration.ofDays(29))));
        mongo.insert(result(elsewhere, untouchedTenant, id("inv"), "Kept Candidate", "kept@example.org",
                now.minus(Duration.ofDays(400))));
        Clock fixed = Clock.fixed(now, java.time.ZoneOffset.UTC);
        // their AssessmentScored, as the relay sets aside one Kafka can never take (README "Parked outbox events")
        String parkedOfExpired = parkScored(tenant, expired, "Old Candidate", "old@example.org", now);
        String parkedOfYoung = parkScored(tenant, young, "Young Candidate", "young@example.org", now);

        Map<String, Map<String, Long>> removed = new RetentionJob(settings, eraser, mongo, fixed).runOnce();

        assertThat(parkedJson(parkedOfExpired)).contains(expired).doesNotContain("Old Candidate", "old@example.org");
        assertThat(parkedJson(parkedOfYoung)).contains("Young Candidate");

        assertThat(removed.get(tenant)).containsEntry("results", 1L);
        assertThat(mongo.findById(expired, Document.class, "results").toJson()).doesNotContain("Old Candidate", "COBOL")
                .contains("\"points\"");
        assertThat(mongo.findById(young, Document.class, "results").toJson()).contains("Young Candidate", "COBOL");
        assertThat(mongo.findById(elsewhere, Document.class, "results").toJson()).contains("Kept Candidate");
        assertThat(removed).doesNotContainKey(untouchedTenant);

        Map<String, Map<String, Long>> twoDaysLater = new RetentionJob(settings, eraser, mongo,
                Clock.offset(fixed, Duration.ofDays(2))).runOnce();
        assertThat(twoDaysLater.get(tenant)).containsEntry("results", 1L);
        assertThat(mongo.findById(young, Document.class, "results").toJson()).doesNotContain("Young Candidate");
    }

    private String parkScored(String tenant, String sessionId, String name, String email, Instant at) {
        EventEnvelope<AssessmentScored> event = EventEnvelope.of(new AssessmentScored(sessionId, id("inv"), "t-1",
                "Backend basics", new Person(name, email), "rita@example.com", new BigDecimal("1.5"), 2, 75.0, 50,
                true, SubmitReason.CANDIDATE, List.of(), at, false, 0, at), tenant, "corr-parked");
        mongo.getCollection(Outbox.PARKED_COLLECTION).insertOne(new Document("_id", event.eventId())
                .append("collection", "results").append("documentId", sessionId)
                .append("message", new Document("eventId", event.eventId()).append("type", "AssessmentScored")
                        .append("topic", Topics.RESULTS).append("key", sessionId)
                        .append("json", EventJson.toJson(event)))
                .append("reason", "RecordTooLargeException: test").append("parkedAt", java.util.Date.from(at)));
        return event.eventId();
    }

    private String parkedJson(String parkedId) {
        return mongo.findById(parkedId, Document.class, Outbox.PARKED_COLLECTION).get("message", Document.class)
                .getString("json");
    }

    private CandidateErasureCompleted requestErasure(String tenant, String erasureId, String invitation, String session) {
        kafka.publish(EventEnvelope.of(new CandidateErasureRequested(erasureId, List.of(invitation), List.of(session),
                null, Instant.now()), tenant, "corr-erase"));
        List<EventRecord> answers = kafka.awaitRecords(Topics.PRIVACY, r -> erasureId.equals(r.key())
                && r.envelope() != null && r.envelope().payload() instanceof CandidateErasureCompleted);
        return (CandidateErasureCompleted) answers.get(0).envelope().payload();
    }

    private static ScoringResult result(String sessionId, String tenantId, String invitationId, String name, String email,
                                        Instant scoredAt) {
        ScoringResult.Evidence evidence = new ScoringResult.Evidence(0.8,
                List.of(new ScoringResult.KeyPointVerdict("kp-1", "Compilers", "MET", 1.0, new BigDecimal("2"),
                        "COBOL compilers", 0.9)),
                List.of(new ScoringResult.MisconceptionMatch("mc-1", "Myth", new BigDecimal("0.5"), "COBOL is dead", 0.9)),
                Set.of());
        ScoringResult.Item text = new ScoringResult.Item("q-2", 1, QuestionKind.FREE_TEXT, new BigDecimal("1.5"), 2,
                List.of("kp-1"), "Compilers", ItemStatus.SCORED, null, null, false, evidence, List.of(), List.of(),
                "COBOL compilers, written by " + name);
        ScoringResult.Item choice = new ScoringResult.Item("q-1", 1, QuestionKind.SINGLE_CHOICE, new BigDecimal("2"), 2,
                List.of(), "Visibility", ItemStatus.SCORED, null, null, false, null, List.of(), List.of("a"), null);
        return new ScoringResult(sessionId, tenantId, invitationId, "test-1", "Backend basics",
                new ScoringResult.Candidate(name, email), "rita@example.com", new BigDecimal("3.5"), 4, 87.5, 60, true,
                SubmitReason.CANDIDATE, scoredAt.minusSeconds(1800), scoredAt.minusSeconds(5), scoredAt,
                List.of(choice, text), "evt-" + sessionId, List.of(), ScoringResult.State.FINAL, 0, null, null, 0L, 1,
                false, "gh-4711", 1795L, null);
    }
}
