package io.hirepipe.scoring.result;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.defaults.outbox.OutboxRelay;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.scoring.ScoringServiceTest;
import io.hirepipe.testkit.AtOnce;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.hirepipe.testkit.OpenApiAssertions.assertDocumentsRefusal;
import static io.hirepipe.scoring.TestEvents.envelope;
import static io.hirepipe.scoring.TestEvents.id;
import static io.hirepipe.scoring.TestEvents.replicationVersusSharding;
import static io.hirepipe.scoring.TestEvents.submission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** People review, adjust and finalise results over real HTTP; their decisions leave as events over real Kafka. */
class ResultReviewTest extends ScoringServiceTest {

    private static final String ACME = "tenant-review-acme-" + id("t");
    private static final String GLOBEX = "tenant-review-globex-" + id("t");
    private static final Caller RITA = Caller.recruiter(ACME, "user-rita", "rita@acme.example");
    private static final Caller ACME_PLATFORM = Caller.platform(ACME, "key-ats");
    private static final Caller GUS = Caller.recruiter(GLOBEX, "user-gus", "gus@globex.example");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final EventTopics kafka = EventTopics.shared();

    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;

    /**
     * A provisional result worth 10: a choice item 2/2, and two free-text items the machine was unsure
     * of, 2/5 and 1/3. 5/10 = 50%, pass mark 60%.
     */
    private Ids provisionalResult() {
        Ids ids = new Ids(id("ses"), id("q-choice"), id("q-free"), id("q-free2"));
        mongo.insert(new ScoringResult(ids.session(), ACME, id("inv"), "test-1", "Backend basics",
                new ScoringResult.Candidate("Ada Lovelace", "ada@example.org"), "rita@acme.example",
                new BigDecimal("5.00"), 10, 50.0, 60, false, SubmitReason.CANDIDATE, T0.minusSeconds(1800),
                T0.minusSeconds(5), T0, List.of(
                item(ids.choice(), QuestionKind.SINGLE_CHOICE, "2", 2, ItemStatus.SCORED, null),
                item(ids.free(), QuestionKind.FREE_TEXT, "2", 5, ItemStatus.NEEDS_REVIEW, evidence()),
                item(ids.free2(), QuestionKind.FREE_TEXT, "1", 3, ItemStatus.NEEDS_REVIEW, evidence())),
                "evt-" + ids.session(), List.of(), ScoringResult.State.PROVISIONAL, 2, null, null, 0L, null, null, null, null, null));
        return ids;
    }

    private record Ids(String session, String choice, String free, String free2) {
    }

    @Test
    void aRecruiterSetsAnItemsPointsTheHumanValueWinsAndTheMachinesIsKept() {
        Ids ids = provisionalResult();

        JsonNode result = api(RITA).put(itemPath(ids.session(), ids.free()),
                Map.of("points", 3.5, "reason", "explains shard keys in other words")).expect(200);

        JsonNode item = result.path("items").get(1);
        assertThat(item.path("points").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(item.path("humanPoints").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(item.path("machinePoints").decimalValue()).isEqualByComparingTo("2");
        assertThat(item.path("status").asString()).as("the machine's verdict stays on record").isEqualTo("NEEDS_REVIEW");
        assertThat(item.path("awaitingReview").asBoolean()).isFalse();
        assertThat(item.path("reviewReasons")).as("settled: no reason left to give").isEmpty();
        assertThat(result.path("items").get(2).path("reviewReasons").get(0).asString())
                .as("still waiting, and why, in words").contains("close to the grader's thresholds");
        assertThat(item.path("history")).hasSize(1);
        assertThat(item.path("history").get(0).path("action").asString()).isEqualTo("ADJUSTED");
        assertThat(item.path("history").get(0).path("from").decimalValue()).isEqualByComparingTo("2");
        assertThat(item.path("history").get(0).path("to").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(item.path("history").get(0).path("reason").asString()).isEqualTo("explains shard keys in other words");
        assertThat(item.path("history").get(0).path("by").asString()).isEqualTo("rita@acme.example");
        assertThat(item.path("history").get(0).path("at").isString()).isTrue();
        assertThat(result.path("points").decimalValue()).isEqualByComparingTo("6.5");
        assertThat(result.path("percent").asDouble()).isEqualTo(65.0);
        assertThat(result.path("passed").asBoolean()).isTrue();
        assertThat(result.path("reviewCount").asInt()).isEqualTo(1);
        assertThat(result.path("provisional").asBoolean()).isTrue();
        assertThat(api(RITA).get("/api/results/" + ids.session()).expect(200)).as("stored, not only answered")
                .isEqualTo(result);

        ScoreAdjusted adjusted = awaitAdjusted(ids.session()).get(0);
        assertThat(adjusted.questionId()).isEqualTo(ids.free());
        assertThat(adjusted.itemPoints()).isEqualByComparingTo("3.5");
        assertThat(adjusted.machineItemPoints()).isEqualByComparingTo("2");
        assertThat(adjusted.points()).isEqualByComparingTo("6.5");
        assertThat(adjusted.maxPoints()).isEqualTo(10);
        assertThat(adjusted.percent()).isEqualTo(65.0);
        assertThat(adjusted.passed()).isTrue();
        assertThat(adjusted.provisional()).isTrue();
        assertThat(adjusted.reviewCount()).isEqualTo(1);
        assertThat(adjusted.adjustedBy()).isEqualTo("rita@acme.example");
        assertThat(adjusted.recruiterEmail()).isEqualTo("rita@acme.example");
        assertThat(adjusted.candidate().name()).isEqualTo("Ada Lovelace");
    }

    @Test
    void theSameDecisionTwiceChangesNothingAndEveryChangeIsKept() {
        Ids ids = provisionalResult();
        Map<String, Object> body = Map.of("points", 4, "reason", "complete after all");
        api(RITA).put(itemPath(ids.session(), ids.free()), body).expect(200);
        api(RITA).put(itemPath(ids.session(), ids.free()), body).expect(200);
        JsonNode result = api(ACME_PLATFORM).put(itemPath(ids.session(), ids.free()),
                Map.of("points", new BigDecimal("1.25"), "reason", "ATS recount")).expect(200);

        JsonNode history = result.path("items").get(1).path("history");
        assertThat(history.values()).extracting(h -> h.path("to").decimalValue().stripTrailingZeros().toPlainString()
                + " by " + h.path("by").asString()).containsExactly("4 by rita@acme.example", "1.25 by platform:key-ats");
        assertThat(result.path("items").get(1).path("machinePoints").decimalValue()).isEqualByComparingTo("2");
        relay.publishPending();
        await().atMost(Duration.ofSeconds(30)).until(() -> adjustedEvents(ids.session()).size() == 2);
        assertThat(adjustedEvents(ids.session())).extracting(a -> a.itemPoints().toPlainString())
                .containsExactly("4.00", "1.25");
        // each says what it changed from: the machine's 2 the first time, the reviewer's 4 the second
        assertThat(adjustedEvents(ids.session())).extracting(a -> a.previousItemPoints().toPlainString())
                .containsExactly("2.00", "4.00");
        assertThat(adjustedEvents(ids.session())).extracting(a -> a.machineItemPoints().toPlainString())
                .containsExactly("2.00", "2.00");
    }

    @Test
    void finalisingWaitsForEveryReviewItemUnlessTheMachinesScoresAreAccepted() {
        Ids ids = provisionalResult();
        api(RITA).put(itemPath(ids.session(), ids.free()), Map.of("points", 5, "reason", "full marks")).expect(200);

        HttpApi.Response refused = api(RITA).post(finalizePath(ids.session()), null);
        assertThat(refused.problem(409, "review-pending").path("awaitingReview").values())
                .extracting(JsonNode::asString).containsExactly(ids.free2());
        assertDocumentsRefusal(api(null).get("/v3/api-docs").expect(200), "POST", finalizePath(ids.session()),
                refused.json());
        assertThat(api(RITA).post(finalizePath(ids.session()), Map.of("acceptMachineScores", false)).status())
                .isEqualTo(409);

        JsonNode result = api(RITA).post(finalizePath(ids.session()), Map.of("acceptMachineScores", true)).expect(200);

        assertThat(result.path("provisional").asBoolean()).isFalse();
        assertThat(result.path("reviewCount").asInt()).isZero();
        assertThat(result.path("finalizedBy").asString()).isEqualTo("rita@acme.example");
        assertThat(result.path("points").decimalValue()).as("2 + 5 (set) + 1 (accepted)").isEqualByComparingTo("8");
        JsonNode accepted = result.path("items").get(2);
        assertThat(accepted.path("humanPoints").isNull()).isTrue();
        assertThat(accepted.path("history").get(0).path("action").asString()).isEqualTo("ACCEPTED");
        AssessmentFinalized finalized = (AssessmentFinalized) kafka.awaitRecords(Topics.RESULTS,
                r -> r.payload() instanceof AssessmentFinalized f && f.sessionId().equals(ids.session())).get(0).payload();
        assertThat(finalized.points()).isEqualByComparingTo("8");
        assertThat(finalized.percent()).isEqualTo(80.0);
        assertThat(finalized.passed()).isTrue();
        assertThat(finalized.acceptedCount()).isEqualTo(1);
        assertThat(finalized.adjustedCount()).isEqualTo(1);
        assertThat(finalized.finalizedBy()).isEqualTo("rita@acme.example");

        // finalising a final result changes nothing and says nothing new
        assertThat(api(RITA).post(finalizePath(ids.session()), null).expect(200).path("finalizedAt"))
                .isEqualTo(result.path("finalizedAt"));
        // a final result can still be corrected: the event says it is final
        api(RITA).put(itemPath(ids.session(), ids.choice()), Map.of("points", 0, "reason", "wrong after all"))
                .expect(200);
        relay.publishPending();
        await().atMost(Duration.ofSeconds(30)).until(() -> adjustedEvents(ids.session()).size() == 2);
        ScoreAdjusted afterFinal = adjustedEvents(ids.session()).get(1);
        assertThat(afterFinal.provisional()).isFalse();
        assertThat(afterFinal.points()).isEqualByComparingTo("6");
        assertThat(kafka.readToEnd(Topics.RESULTS,
                r -> r.payload() instanceof AssessmentFinalized f && f.sessionId().equals(ids.session()))).hasSize(1);
    }

    /**
     * Two reviewers with the same result open: the one who saves second decided on points that are no longer there.
     * With the ETag they read as If-Match, their decision is refused instead of silently replacing the other's.
     */
    @Test
    void aDecisionOnAResultSomeoneChangedSinceItWasReadIsRefusedWith412AndChangesNothing() {
        Ids ids = provisionalResult();
        String read = api(RITA).get("/api/results/" + ids.session()).header("ETag").orElseThrow();
        HttpApi.Response first = api(ACME_PLATFORM).withHeader("If-Match", read)
                .put(itemPath(ids.session(), ids.free()), Map.of("points", 4, "reason", "ATS recount"));
        first.expect(200);
        String afterFirst = first.header("ETag").orElseThrow();
        assertThat(afterFirst).as("the change gives the result a new tag").isNotEqualTo(read);

        JsonNode refused = api(RITA).withHeader("If-Match", read).put(itemPath(ids.session(), ids.free()),
                Map.of("points", 1, "reason", "too vague")).problem(412, "precondition-failed");
        assertThat(refused.path("detail").asString()).contains(ids.session()).contains("changed since you read it");
        assertDocumentsRefusal(api(null).get("/v3/api-docs").expect(200), "PUT", itemPath(ids.session(), ids.free()),
                refused);
        api(RITA).withHeader("If-Match", read).post(finalizePath(ids.session()), Map.of("acceptMachineScores", true))
                .problem(412, "precondition-failed");

        HttpApi.Response stored = api(RITA).get("/api/results/" + ids.session());
        JsonNode item = stored.expect(200).path("items").get(1);
        assertThat(item.path("points").decimalValue()).as("the first reviewer's value stands").isEqualByComparingTo("4");
        assertThat(item.path("history")).hasSize(1);
        assertThat(stored.json().path("provisional").asBoolean()).isTrue();
        assertThat(stored.header("ETag")).contains(afterFirst);

        // Having read the result again, the second reviewer's decisions apply.
        HttpApi.Response second = api(RITA).withHeader("If-Match", afterFirst).put(itemPath(ids.session(), ids.free()),
                Map.of("points", 1, "reason", "too vague after all"));
        assertThat(second.expect(200).path("items").get(1).path("history")).hasSize(2);
        api(RITA).withHeader("If-Match", second.header("ETag").orElseThrow()).post(finalizePath(ids.session()),
                Map.of("acceptMachineScores", true)).expect(200);
    }

    /**
     * A recruiter and a platform setting one item's points at once, while someone finalises: without If-Match every
     * decision applies, one after the other (each decided again on the state the other left), so none is lost; the
     * result's total is the last value's and each decision has its one event. With the same ETag as If-Match exactly
     * one applies and the others get 412, as when they come one after another.
     */
    @Test
    void decisionsSentAtOnceApplyOneAfterAnotherOrAreRefusedByIfMatch() throws Exception {
        Ids ids = provisionalResult();
        List<HttpApi.Response> decisions = AtOnce.run(List.of(
                () -> api(RITA).put(itemPath(ids.session(), ids.free()), Map.of("points", 4, "reason", "r")),
                () -> api(ACME_PLATFORM).put(itemPath(ids.session(), ids.free()), Map.of("points", 1, "reason", "p")),
                () -> api(RITA).post(finalizePath(ids.session()), Map.of("acceptMachineScores", true))));

        decisions.forEach(decision -> decision.expect(200));
        JsonNode result = api(RITA).get("/api/results/" + ids.session()).expect(200);
        JsonNode item = result.path("items").get(1);
        List<String> adjustments = item.path("history").valueStream()
                .filter(h -> h.path("action").asString().equals("ADJUSTED"))
                .map(h -> h.path("to").decimalValue().stripTrailingZeros().toPlainString()).toList();
        assertThat(adjustments).containsExactlyInAnyOrder("4", "1");
        assertThat(item.path("points").decimalValue()).isEqualByComparingTo(adjustments.get(1));
        assertThat(result.path("provisional").asBoolean()).isFalse();
        relay.publishPending();
        await().atMost(Duration.ofSeconds(30)).until(() -> adjustedEvents(ids.session()).size() == 2);
        assertThat(adjustedEvents(ids.session())).extracting(a -> a.itemPoints().stripTrailingZeros().toPlainString())
                .containsExactlyElementsOf(adjustments);

        Ids again = provisionalResult();
        String read = api(RITA).get("/api/results/" + again.session()).header("ETag").orElseThrow();
        List<HttpApi.Response> tagged = AtOnce.run(3, person -> () -> api(RITA).withHeader("If-Match", read)
                .put(itemPath(again.session(), again.free()), Map.of("points", person, "reason", "tagged " + person)));

        assertThat(tagged.stream().filter(decision -> decision.status() == 200)).hasSize(1);
        tagged.stream().filter(decision -> decision.status() != 200)
                .forEach(decision -> decision.problem(412, "precondition-failed"));
        assertThat(api(RITA).get("/api/results/" + again.session()).expect(200).path("items").get(1)
                .path("history")).hasSize(1);
    }

    @Test
    void reScoringARedeliveredSubmissionNeverOverwritesAHumanValue() {
        String question = id("q-repl");
        kafka.publish(envelope(replicationVersusSharding(question, 1), ACME));
        String sessionId = id("ses");
        EventEnvelope<AssessmentSubmitted> submitted = envelope(submission(sessionId, id("inv"), 50,
                SubmitReason.CANDIDATE, new SubmittedAnswer(question, 1, List.of(),
                        "Replication copies data to replicas.", "Replication vs sharding")), ACME);
        kafka.publish(submitted);
        await().atMost(Duration.ofSeconds(45)).until(() -> api(RITA).get("/api/results/" + sessionId).status() == 200);
        api(RITA).put(itemPath(sessionId, question), Map.of("points", 4.5, "reason", "good enough")).expect(200);

        kafka.publish(submitted);
        RecordMetadata last = kafka.publish(envelope(submission(sessionId, submitted.payload().invitationId(), 50,
                SubmitReason.CANDIDATE, new SubmittedAnswer(question, 1, List.of(), "", "Replication vs sharding")),
                ACME));
        kafka.awaitConsumed("scoring-service", last);
        awaitResultEventsSent(sessionId);

        JsonNode result = api(RITA).get("/api/results/" + sessionId).expect(200);
        assertThat(result.path("items").get(0).path("points").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(result.path("points").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(kafka.readToEnd(Topics.RESULTS,
                r -> r.payload() instanceof AssessmentScored s && s.sessionId().equals(sessionId))).hasSize(1);
    }

    @Test
    void theAgreementFigureSaysHowOftenAndHowMuchPeopleChangedTheMachinesScore() {
        Ids first = provisionalResult();
        String question = first.free();
        Ids second = resultWith(question);
        Ids third = resultWith(question);
        resultWith(question); // not reviewed yet
        api(RITA).put(itemPath(first.session(), question), Map.of("points", 4, "reason", "r")).expect(200);
        api(RITA).put(itemPath(second.session(), question), Map.of("points", 2, "reason", "machine was right"))
                .expect(200);
        api(RITA).put(itemPath(third.session(), question), Map.of("points", 1, "reason", "too generous")).expect(200);

        JsonNode agreement = api(RITA).get("/api/results/questions/" + question + "/agreement").expect(200);

        assertThat(agreement.path("questionId").asString()).isEqualTo(question);
        assertThat(agreement.path("scored").asInt()).isEqualTo(4);
        assertThat(agreement.path("reviewed").asInt()).isEqualTo(3);
        assertThat(agreement.path("changed").asInt()).isEqualTo(2);
        assertThat(agreement.path("awaitingReview").asInt()).isEqualTo(1);
        assertThat(agreement.path("changeRate").asDouble()).isEqualTo(0.667);
        // |4-2| + |2-2| + |1-2| = 3 over 3 reviewed items of 5 points
        assertThat(agreement.path("meanAbsoluteChange").decimalValue()).isEqualByComparingTo("1");
        assertThat(agreement.path("meanAbsoluteChangePercent").decimalValue()).isEqualByComparingTo("20");
        assertThat(agreement.path("meanSignedChange").decimalValue()).isEqualByComparingTo("0.33");
        assertThat(agreement.path("largestChange").decimalValue()).isEqualByComparingTo("2");

        // another tenant's question is unknown there, like a question that never existed
        assertThat(api(GUS).get("/api/results/questions/" + question + "/agreement").problem(404)
                .path("detail").asString()).contains(question);
        api(RITA).get("/api/results/questions/" + id("q-never") + "/agreement").problem(404);
    }

    @Test
    void aPublishedQuestionThatNobodyAnsweredYetHasAnEmptyAgreement() {
        String question = id("q-unanswered");
        kafka.awaitConsumed("scoring-service", kafka.publish(envelope(replicationVersusSharding(question, 1), ACME)));

        JsonNode agreement = api(RITA).get("/api/results/questions/" + question + "/agreement").expect(200);

        assertThat(agreement.path("scored").asInt()).isZero();
        assertThat(agreement.path("reviewed").asInt()).isZero();
        assertThat(agreement.path("changeRate").isNull()).isTrue();
    }

    @Test
    void aReopenedSessionsNewSubmissionReplacesTheMachinesResultOnce() {
        String question = id("q-repl");
        kafka.publish(envelope(replicationVersusSharding(question, 1), ACME));
        String sessionId = id("ses");
        String invitationId = id("inv");
        EventEnvelope<AssessmentSubmitted> first = envelope(submission(sessionId, invitationId, 50,
                SubmitReason.TIMEOUT, new SubmittedAnswer(question, 1, List.of(), "", "Replication vs sharding")), ACME);
        kafka.publish(first);
        await().atMost(Duration.ofSeconds(45)).until(() -> api(RITA).get("/api/results/" + sessionId).status() == 200);
        assertThat(api(RITA).get("/api/results/" + sessionId).expect(200).path("points").decimalValue()).isZero();

        AssessmentSubmitted again = first.payload();
        EventEnvelope<AssessmentSubmitted> resubmitted = envelope(new AssessmentSubmitted(sessionId, invitationId,
                again.testId(), again.testTitle(), again.candidate(), again.recruiterEmail(), 50, SubmitReason.CANDIDATE,
                again.startedAt(), again.submittedAt().plusSeconds(3600), List.of(new SubmittedAnswer(question, 1,
                List.of(), "Replication copies data to replicas.", "Replication vs sharding"))), ACME);
        kafka.publish(resubmitted);
        kafka.publish(resubmitted);
        RecordMetadata last = kafka.publish(first);
        kafka.awaitConsumed("scoring-service", last);

        JsonNode result = api(RITA).get("/api/results/" + sessionId).expect(200);
        assertThat(result.path("points").decimalValue()).isPositive();
        assertThat(result.path("submitReason").asString()).isEqualTo("CANDIDATE");
        relay.publishPending();
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readToEnd(Topics.RESULTS,
                r -> r.payload() instanceof AssessmentScored s && s.sessionId().equals(sessionId)).size() == 2);
        List<AssessmentScored> scored = kafka.readToEnd(Topics.RESULTS,
                r -> r.payload() instanceof AssessmentScored s && s.sessionId().equals(sessionId)).stream()
                .map(r -> (AssessmentScored) r.payload()).toList();
        assertThat(scored).as("one result per submission; redelivered and older submissions change nothing")
                .hasSize(2);
        assertThat(scored.get(1).points()).isPositive();
    }

    @Test
    void aReopenThatCameBeforeAPersonsDecisionArrivedHasItsNewSubmissionScoredAnyway() {
        // assessment-service refuses to reopen a reviewed result, but judges by its copy of the result, which
        // learns of a decision made here only when its event arrives: a reopen can come in between
        String question = id("q-repl");
        kafka.publish(envelope(replicationVersusSharding(question, 1), ACME));
        String sessionId = id("ses");
        EventEnvelope<AssessmentSubmitted> first = envelope(submission(sessionId, id("inv"), 50, SubmitReason.TIMEOUT,
                new SubmittedAnswer(question, 1, List.of(), "", "Replication vs sharding")), ACME);
        kafka.publish(first);
        await().atMost(Duration.ofSeconds(45)).until(() -> api(RITA).get("/api/results/" + sessionId).status() == 200);
        api(RITA).put(itemPath(sessionId, question), Map.of("points", 1, "reason", "network trouble")).expect(200);
        api(RITA).post(finalizePath(sessionId), Map.of("acceptMachineScores", true)).expect(200);

        AssessmentSubmitted again = first.payload();
        kafka.awaitConsumed("scoring-service", kafka.publish(envelope(new AssessmentSubmitted(sessionId,
                again.invitationId(), again.testId(), again.testTitle(), again.candidate(), again.recruiterEmail(), 50,
                SubmitReason.CANDIDATE, again.startedAt(), again.submittedAt().plusSeconds(3600),
                List.of(new SubmittedAnswer(question, 1, List.of(), "Replication copies data to replicas.",
                        "Replication vs sharding"))), ACME)));

        JsonNode result = api(RITA).get("/api/results/" + sessionId).expect(200);
        assertThat(result.path("submitReason").asString()).as("the candidate's new submission is the result")
                .isEqualTo("CANDIDATE");
        assertThat(result.path("items").get(0).path("answerText").asString()).contains("copies data to replicas");
        assertThat(result.path("items").get(0).path("history")).as("decisions about the earlier answers").isEmpty();
        assertThat(result.path("finalizedBy").isNull() || result.path("finalizedBy").isMissingNode()).isTrue();
        relay.publishPending();
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readToEnd(Topics.RESULTS,
                r -> r.payload() instanceof AssessmentScored s && s.sessionId().equals(sessionId)).size() == 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"points\": -1, \"reason\": \"r\"}",
            "{\"points\": 3.555, \"reason\": \"r\"}",
            "{\"points\": 5.01, \"reason\": \"r\"}",
            "{\"points\": 100000, \"reason\": \"r\"}",
            "{\"reason\": \"r\"}",
            "{\"points\": null, \"reason\": \"r\"}",
            "{\"points\": \"3\", \"reason\": \"r\"}",
            "{\"points\": true, \"reason\": \"r\"}",
            "{\"points\": 3}",
            "{\"points\": 3, \"reason\": \"   \"}",
            "{\"points\": 3, \"reason\": 7}"})
    void badAdjustmentsAreA400ProblemNamingTheFieldAndChangeNothing(String body) {
        Ids ids = provisionalResult();

        HttpApi.Response response = api(RITA).put(itemPath(ids.session(), ids.free()), body);

        JsonNode problem = response.problem(400);
        assertThat(problem.toString()).containsAnyOf("points", "reason");
        JsonNode stored = api(RITA).get("/api/results/" + ids.session()).expect(200);
        assertThat(stored.path("items").get(1).path("history")).isEmpty();
        assertThat(stored.path("points").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    void pointsWithMoreThanTwoDecimalsAreRefusedInWords() {
        Ids ids = provisionalResult();

        JsonNode problem = api(RITA).put(itemPath(ids.session(), ids.free()), "{\"points\": 1.555, \"reason\": \"r\"}")
                .problem(400, "invalid-request");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("points");
        assertThat(problem.get("detail").asString())
                .isEqualTo("points: must have at most two decimals (and four digits before the point)");
        assertThat(problem.toString()).doesNotContain("numeric value out of bounds");
    }

    @Test
    void anOverlongReasonAndBrokenJsonAreA400Problem() {
        Ids ids = provisionalResult();
        api(RITA).put(itemPath(ids.session(), ids.free()), Map.of("points", 1, "reason", "x".repeat(1001)))
                .problem(400);
        api(RITA).put(itemPath(ids.session(), ids.free()), "{\"points\": ").problem(400);
        api(RITA).put(itemPath(ids.session(), ids.free()), null).problem(400);
        api(RITA).post(finalizePath(ids.session()), "{\"acceptMachineScores\": \"yes\"}").problem(400);
    }

    @Test
    void unknownItemsAndOtherTenantsResultsDoNotExist() {
        Ids ids = provisionalResult();
        Map<String, Object> body = Map.of("points", 1, "reason", "r");

        api(RITA).put(itemPath(ids.session(), "q-not-in-this-result"), body).problem(404, "not-found");
        api(RITA).put(itemPath("ses-does-not-exist", ids.free()), body).problem(404, "not-found");
        api(GUS).put(itemPath(ids.session(), ids.free()), body).problem(404, "not-found");
        api(GUS).post(finalizePath(ids.session()), Map.of("acceptMachineScores", true)).problem(404, "not-found");

        JsonNode stored = api(RITA).get("/api/results/" + ids.session()).expect(200);
        assertThat(stored.path("provisional").asBoolean()).isTrue();
        assertThat(stored.path("items").get(1).path("history")).isEmpty();
    }

    @Test
    void candidatesAndServicesCannotReviewNorReadAgreement() {
        Ids ids = provisionalResult();
        Map<String, Object> body = Map.of("points", 5, "reason", "I deserve it");
        Caller candidate = Caller.candidate(ACME, "inv-1");

        assertThat(api(candidate).put(itemPath(ids.session(), ids.free()), body).status()).isEqualTo(403);
        assertThat(api(candidate).post(finalizePath(ids.session()), Map.of("acceptMachineScores", true)).status())
                .isEqualTo(403);
        assertThat(api(candidate).get("/api/results/questions/" + ids.free() + "/agreement").status()).isEqualTo(403);
        assertThat(api(Caller.service(ACME, "assessment-service")).put(itemPath(ids.session(), ids.free()), body)
                .status()).isEqualTo(403);
        assertThat(api(null).put(itemPath(ids.session(), ids.free()), body).status()).isEqualTo(401);
        assertThat(api(RITA).get("/api/results/" + ids.session()).expect(200).path("items").get(1).path("history"))
                .isEmpty();
    }

    @Test
    void adjustingFinalisingAndExportingAreAuditedWithWhoWhatAndWhy() {
        Ids ids = provisionalResult();
        String correlation = "corr-" + id("audit");
        Map<String, Object> body = Map.of("points", 3, "reason", "explains it in other words");
        api(RITA).withHeader("X-Correlation-Id", correlation).put(itemPath(ids.session(), ids.free()), body).expect(200);
        api(RITA).put(itemPath(ids.session(), ids.free()), body).expect(200);
        api(RITA).post(finalizePath(ids.session()), Map.of("acceptMachineScores", true)).expect(200);

        relay.publishPending();
        await().atMost(Duration.ofSeconds(30)).until(() -> auditOf(ids.session()).size() >= 2);
        List<EventRecord> entries = auditOf(ids.session());
        assertThat(entries).as("the repeated decision changed nothing, so it is not audited again").hasSize(2);
        assertThat(entries).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(ACME);
            assertThat(r.envelope().tenantId()).isEqualTo(ACME);
            AuditRecorded a = (AuditRecorded) r.payload();
            assertThat(a.actorId()).isEqualTo("user-rita");
            assertThat(a.actorKind()).isEqualTo("RECRUITER");
            assertThat(a.actorEmail()).isEqualTo("rita@acme.example");
            assertThat(a.targetType()).isEqualTo("session");
            assertThat(a.outcome()).isEqualTo(AuditRecorded.SUCCESS);
            assertThat(a.details().toString()).doesNotContain("Ada").doesNotContain("ada@example.org");
        });
        AuditRecorded adjusted = (AuditRecorded) entries.get(0).payload();
        assertThat(adjusted.action()).isEqualTo("score.adjusted");
        assertThat(adjusted.details()).containsEntry("questionId", ids.free()).containsEntry("points", "3.00")
                .containsEntry("previousPoints", "2.00").containsEntry("reason", "explains it in other words");
        assertThat(entries.get(0).envelope().correlationId()).isEqualTo(correlation);
        AuditRecorded finalized = (AuditRecorded) entries.get(1).payload();
        assertThat(finalized.action()).isEqualTo("score.finalized");
        assertThat(finalized.details()).containsEntry("machineScoresAccepted", "1");

        HttpApi.Response csv = api(ACME_PLATFORM).get("/api/results/export.csv?testId=" + ids.session());
        assertThat(csv.status()).isEqualTo(200);
        relay.publishPending();
        List<EventRecord> exported = kafka.awaitRecords(Topics.AUDIT, r -> r.payload() instanceof AuditRecorded a
                && "results.exported".equals(a.action()) && ids.session().equals(a.targetId()));
        AuditRecorded export = (AuditRecorded) exported.get(0).payload();
        assertThat(export.actorKind()).isEqualTo("PLATFORM");
        assertThat(export.actorId()).isEqualTo("key-ats");
        assertThat(export.actorEmail()).isNull();
        assertThat(export.details()).containsEntry("testId", ids.session());
        assertThat(exported.get(0).key()).isEqualTo(ACME);
    }

    /** An administrator reading the log must tell an export of one invitation's result from an export of them all. */
    @Test
    void anExportOfOneInvitationsResultIsAuditedWithThatFilter() {
        Ids ids = provisionalResult();
        String invitation = api(RITA).get("/api/results/" + ids.session()).expect(200).path("invitationId").asString();

        assertThat(api(RITA).get("/api/results/export.csv?invitationId=" + invitation).body()).contains(ids.session());

        relay.publishPending();
        AuditRecorded export = (AuditRecorded) kafka.awaitRecords(Topics.AUDIT, r -> r.payload() instanceof AuditRecorded a
                && "results.exported".equals(a.action()) && "user-rita".equals(a.actorId())
                && a.details().containsValue(invitation)).get(0).payload();
        assertThat(export.details()).containsEntry("invitationId", invitation);
    }

    @Test
    void aRefusedDecisionLeavesNoAuditEntry() {
        Ids ids = provisionalResult();
        api(RITA).post(finalizePath(ids.session()), null).problem(409, "review-pending");
        api(GUS).put(itemPath(ids.session(), ids.free()), Map.of("points", 1, "reason", "x")).problem(404);
        // the relay has published everything stored by now: whatever was audited is on the topic
        relay.publishPending();
        assertThat(auditOf(ids.session())).isEmpty();
    }

    private List<EventRecord> auditOf(String sessionId) {
        return kafka.readToEnd(Topics.AUDIT, r -> r.payload() instanceof AuditRecorded a && sessionId.equals(a.targetId()));
    }

    private Ids resultWith(String freeQuestion) {
        Ids ids = new Ids(id("ses"), id("q-choice"), freeQuestion, id("q-free2"));
        mongo.insert(new ScoringResult(ids.session(), ACME, id("inv"), "test-1", "Backend basics",
                new ScoringResult.Candidate("Bob", "bob@example.org"), "rita@acme.example", new BigDecimal("2.00"), 5,
                40.0, 60, false, SubmitReason.CANDIDATE, T0.minusSeconds(1800), T0.minusSeconds(5), T0,
                List.of(item(freeQuestion, QuestionKind.FREE_TEXT, "2", 5, ItemStatus.NEEDS_REVIEW, evidence())),
                "evt-" + ids.session(), List.of(), ScoringResult.State.PROVISIONAL, 1, null, null, 0L, null, null, null, null, null));
        return ids;
    }

    private static ScoringResult.Item item(String questionId, QuestionKind kind, String points, int maxPoints,
                                           ItemStatus status, ScoringResult.Evidence evidence) {
        return new ScoringResult.Item(questionId, 1, kind, new BigDecimal(points).setScale(2), maxPoints, List.of(),
                "Question " + questionId, status, null, null, false, evidence, List.of(), List.of(), null);
    }

    private static ScoringResult.Evidence evidence() {
        return new ScoringResult.Evidence(0.35, List.of(
                new ScoringResult.KeyPointVerdict("copies", "Replication copies data", "MET", 1, new BigDecimal("2.00"),
                        "replicas hold copies", 0.82),
                new ScoringResult.KeyPointVerdict("split", "Sharding splits data", "MISSED", 0, BigDecimal.ZERO.setScale(2),
                        null, 0.31)), List.of(), java.util.Set.of("LOW_CONFIDENCE"));
    }

    private List<ScoreAdjusted> awaitAdjusted(String sessionId) {
        return kafka.awaitRecords(Topics.RESULTS, r -> isAdjustedOf(r, sessionId)).stream()
                .map(r -> (ScoreAdjusted) r.payload()).toList();
    }

    private List<ScoreAdjusted> adjustedEvents(String sessionId) {
        return kafka.readToEnd(Topics.RESULTS, r -> isAdjustedOf(r, sessionId)).stream()
                .map(r -> (ScoreAdjusted) r.payload()).toList();
    }

    private static boolean isAdjustedOf(EventRecord record, String sessionId) {
        return record.payload() instanceof ScoreAdjusted a && a.sessionId().equals(sessionId);
    }

    private static String itemPath(String sessionId, String questionId) {
        return "/api/results/" + sessionId + "/items/" + questionId;
    }

    private static String finalizePath(String sessionId) {
        return "/api/results/" + sessionId + "/finalize";
    }
}
