package io.hirepipe.assessment.session;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.ScoreAdjusted;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** scoring-service's results, published to the real results topic, reach the recruiter's view. */
class ScoreConsumptionTest extends AssessmentIntegrationTest {

    @Test
    void anAssessmentScoredEventMarksTheInvitationScoredOnceAndHidesTheScoreFromTheCandidate() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String invitationId = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        String sessionId = start(candidate).get("sessionId").asString();
        save(candidate, "q-single", 1, List.of("a"), null).expect(200);
        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        AssessmentSubmitted submitted = (AssessmentSubmitted) awaitEvents("AssessmentSubmitted", sessionId)
                .get(0).envelope().payload();

        Instant scoredAt = Instant.parse("2026-03-01T10:15:30Z");
        EventEnvelope<AssessmentScored> scored = EventEnvelope.of(new AssessmentScored(sessionId, invitationId,
                submitted.testId(), submitted.testTitle(), submitted.candidate(), submitted.recruiterEmail(),
                new BigDecimal("7"), 11, 63.6, 60, true, submitted.reason(), List.of(new ItemScore("q-single", 3,
                QuestionKind.SINGLE_CHOICE, new BigDecimal("2"), 2, List.of(), "Visibility", ItemStatus.SCORED,
                null)), scoredAt, false, 0), tenant, "corr-scoring-1");
        kafka.publish(scored);

        await().atMost(EVENT_WAIT).until(() -> "SCORED".equals(
                api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("status").asString()));
        JsonNode score = api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("score");
        assertThat(score.get("points").decimalValue()).isEqualByComparingTo("7");
        assertThat(score.get("provisional").asBoolean()).isFalse();
        assertThat(score.get("adjusted").asBoolean()).isFalse();
        assertThat(score.get("maxPoints").asInt()).isEqualTo(11);
        assertThat(score.get("percent").asDouble()).isEqualTo(63.6);
        assertThat(score.get("passed").asBoolean()).isTrue();
        assertThat(Instant.parse(score.get("scoredAt").asString())).isEqualTo(scoredAt);

        JsonNode candidateView = api(candidate).get("/api/candidate/assessment").expect(200);
        assertThat(candidateView.get("status").asString()).isEqualTo("SCORED");
        assertThat(candidateView.get("session").get("status").asString()).isEqualTo("SCORED");
        assertThat(candidateView.toString()).doesNotContain("points", "percent", "passed");
        assertThat(api(candidate).get("/api/candidate/assessment/session").body()).doesNotContain("points\"", "percent");

        // A reviewer's adjustment, then a redelivery of the original result: the redelivery changes nothing.
        kafka.publish(EventEnvelope.of(adjusted(sessionId, "9", 81.8, true, scoredAt.plusSeconds(60)), tenant,
                "corr-scoring-2"));
        await().atMost(EVENT_WAIT).until(() -> api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200)
                .get("score").get("points").asInt() == 9);
        assertThat(api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("score")
                .get("adjusted").asBoolean()).isTrue();
        kafka.awaitConsumed("assessment-service", kafka.publish(scored));
        assertThat(api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("score").get("points")
                .asInt()).isEqualTo(9);
    }

    @Test
    void anotherTenantsResultDoesNotTouchTheSession() {
        Submitted submitted = submittedSession();
        String invitationId = submitted.invitationId();
        String sessionId = submitted.sessionId();
        Instant scoredAt = Instant.parse("2026-03-01T10:00:00Z");
        kafka.publish(EventEnvelope.of(scored(sessionId, invitationId, "5", 11, 45.5, false, scoredAt, false),
                tenant, "corr-own"));
        await().atMost(EVENT_WAIT).until(() -> "SCORED".equals(
                api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("status").asString()));

        // Same session key, so the same partition, in this order: the intruder's result, then our own adjustment.
        kafka.publish(EventEnvelope.of(scored(sessionId, invitationId, "0", 11, 0, false, scoredAt.plusSeconds(3600),
                false), "intruder-tenant", "corr-intruder"));
        kafka.publish(EventEnvelope.of(adjusted(sessionId, "6", 54.5, false, scoredAt.plusSeconds(60)), tenant,
                "corr-adjust"));

        await().atMost(EVENT_WAIT).until(() -> api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200)
                .get("score").get("points").asInt() == 6);
        assertThat(Instant.parse(api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200)
                .get("score").get("scoredAt").asString())).isEqualTo(scoredAt);
    }

    @Test
    void aProvisionalScoreIsAdjustedThenFinalAndLateEventsDoNotRollItBack() {
        Submitted submitted = submittedSession();
        String invitationId = submitted.invitationId();
        String sessionId = submitted.sessionId();
        Instant scoredAt = Instant.parse("2026-03-01T10:00:00Z");
        kafka.publish(EventEnvelope.of(scored(sessionId, invitationId, "4.5", 11, 40.9, false, scoredAt, true),
                tenant, "corr-provisional"));
        await().atMost(EVENT_WAIT).until(() -> "SCORED".equals(
                api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("status").asString()));
        JsonNode provisional = api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("score");
        assertThat(provisional.get("provisional").asBoolean()).isTrue();
        assertThat(provisional.get("reviewCount").asInt()).isEqualTo(1);
        assertThat(provisional.get("points").decimalValue()).isEqualByComparingTo("4.5");

        EventEnvelope<ScoreAdjusted> first = EventEnvelope.of(
                adjusted(sessionId, "6.5", 59.1, false, scoredAt.plusSeconds(60)), tenant, "corr-a1");
        kafka.publish(first);
        kafka.publish(EventEnvelope.of(adjusted(sessionId, "7.25", 65.9, true, scoredAt.plusSeconds(120)), tenant,
                "corr-a2"));
        kafka.publish(first); // a redelivery of the older adjustment
        kafka.publish(EventEnvelope.of(new AssessmentFinalized(sessionId, invitationId, "java-basics", "Java basics",
                null, null, new BigDecimal("7.25"), 11, 65.9, 60, true, 0, 2, "rita@acme.example",
                scoredAt.plusSeconds(180)), tenant, "corr-final"));

        await().atMost(EVENT_WAIT).until(() -> !api(recruiterToken()).get("/api/invitations/" + invitationId)
                .expect(200).get("score").get("provisional").asBoolean());
        JsonNode score = api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("score");
        assertThat(score.get("points").decimalValue()).as("the newest adjustment stands").isEqualByComparingTo("7.25");
        assertThat(score.get("passed").asBoolean()).isTrue();
        assertThat(score.get("adjusted").asBoolean()).isTrue();
        assertThat(score.get("reviewCount").asInt()).isZero();
        assertThat(Instant.parse(score.get("finalizedAt").asString())).isEqualTo(scoredAt.plusSeconds(180));
    }

    @Test
    void aReopenedSessionsNewResultIsNotRolledBackByTheEarlierResultReplayed() {
        Submitted submitted = submittedSession();
        String invitationId = submitted.invitationId();
        String sessionId = submitted.sessionId();
        Instant scoredAt = Instant.parse("2026-03-01T10:00:00Z");
        EventEnvelope<AssessmentScored> earlier = EventEnvelope.of(
                scored(sessionId, invitationId, "2", 11, 18.2, false, scoredAt, false), tenant, "corr-first");
        kafka.publish(earlier);
        // the result of the submission after a reopen, then the earlier one again (a dead letter replayed, say)
        kafka.publish(EventEnvelope.of(scored(sessionId, invitationId, "8", 11, 72.7, true, scoredAt.plusSeconds(3600),
                false), tenant, "corr-second"));
        kafka.awaitConsumed("assessment-service", kafka.publish(earlier));

        JsonNode score = api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("score");
        assertThat(score.get("points").decimalValue()).as("the newer result stands").isEqualByComparingTo("8");
        assertThat(Instant.parse(score.get("scoredAt").asString())).isEqualTo(scoredAt.plusSeconds(3600));
    }

    private record Submitted(String invitationId, String sessionId) {
    }

    /** A session the candidate started and submitted without answers, awaiting its result. */
    private Submitted submittedSession() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String candidate = redeemAsCandidate(created);
        String sessionId = start(candidate).get("sessionId").asString();
        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        return new Submitted(created.get("id").asString(), sessionId);
    }

    private static AssessmentScored scored(String sessionId, String invitationId, String points, int maxPoints,
                                           double percent, boolean passed, Instant scoredAt, boolean provisional) {
        return new AssessmentScored(sessionId, invitationId, "java-basics", "Java basics", null, null,
                new BigDecimal(points), maxPoints, percent, 60, passed, null, List.of(), scoredAt, provisional,
                provisional ? 1 : 0);
    }

    private static ScoreAdjusted adjusted(String sessionId, String points, double percent, boolean passed,
                                          Instant at) {
        return new ScoreAdjusted(sessionId, "q-text", new BigDecimal("3"), "generous reading", "rita",
                new BigDecimal(points), 11, percent, passed, at, new BigDecimal("1"), "Explain", true, 0, null,
                null, null, null);
    }
}
