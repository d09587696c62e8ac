package io.hirepipe.assessment.session;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.ScoreAdjusted;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
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
                submitted.testId(), submitted.testTitle(), submitted.candidate(), submitted.recruiterEmail(), 7, 11,
                63.6, 60, true, submitted.reason(), List.of(new ItemScore("q-single", 3, QuestionKind.SINGLE_CHOICE,
                2, 2, List.of(), "Visibility")), scoredAt), tenant, "corr-scoring-1");
        kafka.publish(scored);

        await().atMost(EVENT_WAIT).until(() -> "SCORED".equals(
                api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("status").asString()));
        JsonNode score = api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("score");
        assertThat(score.get("points").asInt()).isEqualTo(7);
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
        kafka.publish(EventEnvelope.of(new ScoreAdjusted(sessionId, "q-text", 3, "generous reading", "rita", 9, 11,
                81.8, true, scoredAt.plusSeconds(60)), tenant, "corr-scoring-2"));
        await().atMost(EVENT_WAIT).until(() -> api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200)
                .get("score").get("points").asInt() == 9);
        kafka.publish(scored);
        kafka.publish(EventEnvelope.of(new AssessmentScored("ses_other", "inv_other", "t", "T", null, null, 1, 1,
                100, 50, true, null, List.of(), scoredAt), tenant, "corr-scoring-3"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("score").get("points")
                        .asInt() == 9);
    }

    @Test
    void anotherTenantsResultDoesNotTouchTheSession() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String invitationId = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        String sessionId = start(candidate).get("sessionId").asString();
        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        Instant scoredAt = Instant.parse("2026-03-01T10:00:00Z");
        kafka.publish(EventEnvelope.of(new AssessmentScored(sessionId, invitationId, "java-basics", "Java basics",
                null, null, 5, 11, 45.5, 60, false, null, List.of(), scoredAt), tenant, "corr-own"));
        await().atMost(EVENT_WAIT).until(() -> "SCORED".equals(
                api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("status").asString()));

        // Same session key, so the same partition, in this order: the intruder's result, then our own adjustment.
        kafka.publish(EventEnvelope.of(new AssessmentScored(sessionId, invitationId, "java-basics", "Java basics",
                null, null, 0, 11, 0, 60, false, null, List.of(), scoredAt.plusSeconds(3600)),
                "intruder-tenant", "corr-intruder"));
        kafka.publish(EventEnvelope.of(new ScoreAdjusted(sessionId, "q-text", 1, "recount", "rita", 6, 11, 54.5,
                false, scoredAt.plusSeconds(60)), tenant, "corr-adjust"));

        await().atMost(EVENT_WAIT).until(() -> api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200)
                .get("score").get("points").asInt() == 6);
        assertThat(Instant.parse(api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200)
                .get("score").get("scoredAt").asString())).isEqualTo(scoredAt);
    }
}
