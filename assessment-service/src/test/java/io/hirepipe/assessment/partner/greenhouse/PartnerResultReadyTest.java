package io.hirepipe.assessment.partner.greenhouse;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.PartnerResultReady;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.assessment.invitation.Invitation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Greenhouse may be told a result is complete (PartnerResultReady, which notification-service turns into the
 * PATCH) only once this service applied it, so that the test_status Greenhouse then calls reads it. Results in
 * over real Kafka, the announcement read back from the topic it travels on.
 */
class PartnerResultReadyTest extends AssessmentIntegrationTest {

    private static final String BASE = "/api/integrations/greenhouse";
    private static final String CALLBACK = "https://app.greenhouse.io/integrations/testing_partners/take_home_tests/12345";
    private static final Instant SCORED_AT = Instant.parse("2026-03-01T10:15:30Z");

    @Autowired
    GreenhouseInvitationMarks marks;

    @BeforeEach
    void greenhouseSetUp() {
        api(adminToken()).put(BASE + "/settings", Map.of("reportTo", "hiring@acme.example")).expect(200);
    }

    @Test
    void aFinalScoreAnnouncesTheResultOnceAndOnlyAfterTestStatusReadsItComplete() {
        String invitationId = sendTest("ada@example.org");
        String sessionId = takeTheTestFromItsEmail(invitationId);
        EventEnvelope<AssessmentScored> scored = EventEnvelope.of(scored(sessionId, invitationId, false), tenant, "corr-1");

        kafka.publish(scored);

        EventRecord ready = awaitEvents("PartnerResultReady", invitationId).get(0);
        assertThat(ready.envelope().tenantId()).isEqualTo(tenant);
        assertThat((PartnerResultReady) ready.envelope().payload()).satisfies(r -> {
            assertThat(r.invitationId()).isEqualTo(invitationId);
            assertThat(r.sessionId()).isEqualTo(sessionId);
            assertThat(r.partner()).isEqualTo("greenhouse");
            assertThat(r.resultVersion()).isEqualTo(1);
            assertThat(r.resultAt()).isEqualTo(SCORED_AT);
        });
        assertThat(testStatus(invitationId).get("partner_status").asString())
                .as("written with the score: whoever acts on the announcement reads the result")
                .isEqualTo("complete");

        consumed(scored);
        assertThat(announcements(invitationId)).as("the same result delivered twice").hasSize(1);
    }

    @Test
    void aProvisionalScoreAnnouncesNothingUntilFinalisedAndEachFinalChangeIsAnnouncedOnce() {
        String invitationId = sendTest("grace@example.org");
        String sessionId = takeTheTestFromItsEmail(invitationId);

        consumed(EventEnvelope.of(scored(sessionId, invitationId, true), tenant, "corr-1"));
        assertThat(announcements(invitationId)).as("provisional: Greenhouse would read incomplete").isEmpty();
        consumed(EventEnvelope.of(adjusted(sessionId, invitationId, true, "5", SCORED_AT.plusSeconds(60)), tenant, "c"));
        assertThat(announcements(invitationId)).as("a change while still provisional").isEmpty();

        EventEnvelope<AssessmentFinalized> finalized = EventEnvelope.of(new AssessmentFinalized(sessionId, invitationId,
                "java-basics", "Java basics", null, null, new BigDecimal("7.5"), 11, 68.2, 60, true, 1, 0,
                "rita@example.com", SCORED_AT.plusSeconds(120)), tenant, "corr-final");
        consumed(finalized);
        consumed(finalized);
        assertThat(announcements(invitationId)).extracting(PartnerResultReady::resultVersion).containsExactly(1);

        EventEnvelope<ScoreAdjusted> change = EventEnvelope.of(
                adjusted(sessionId, invitationId, false, "8.5", SCORED_AT.plusSeconds(600)), tenant, "corr-adjusted");
        consumed(change);
        consumed(change);
        assertThat(announcements(invitationId)).as("one more per change of the final totals, none for a redelivery")
                .extracting(PartnerResultReady::resultVersion).containsExactly(1, 2);
        assertThat(testStatus(invitationId).get("metadata").get("Points").asString()).isEqualTo("8.5/11");
    }

    @Test
    void anInvitationNoPartnerSentAnnouncesNothing() {
        JsonNode created = invite("java-basics", "alan@example.org");
        String invitationId = created.get("id").asString();
        String sessionId = takeTheTestFromItsEmail(invitationId);

        consumed(EventEnvelope.of(scored(sessionId, invitationId, false), tenant, "corr-1"));
        consumed(EventEnvelope.of(adjusted(sessionId, invitationId, false, "8.5", SCORED_AT.plusSeconds(600)), tenant, "c"));

        assertThat(api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("status").asString())
                .isEqualTo("SCORED");
        assertThat(announcements(invitationId)).isEmpty();
    }

    /**
     * A Greenhouse invitation made by the build before the mark existed, whose final result that build applied
     * without announcing it: notification-service now waits for the announcement, so marking it at start-up
     * announces a recent result once; an old one (told long ago, by the build before) is recorded, not announced
     * again, and a later change to it is.
     */
    @Test
    void greenhouseInvitationsFromBeforeTheMarkAreMarkedAtStartUpAndARecentFinalResultIsAnnouncedOnce() {
        String recent = olderBuildsGreenhouseInvitation("kate@example.org", clock.instant().minus(Duration.ofHours(2)));
        String old = olderBuildsGreenhouseInvitation("jack@example.org", clock.instant().minus(Duration.ofDays(40)));
        assertThat(announcements(recent)).isEmpty();

        marks.markOlderInvitations();
        marks.markOlderInvitations();

        assertThat(awaitEvents("PartnerResultReady", recent)).hasSize(1);
        assertThat(announcements(recent)).as("marked once, however often the service starts").hasSize(1);
        assertThat(announcements(old)).isEmpty();

        String sessionId = mongo.findById(old, Invitation.class).session().id();
        consumed(EventEnvelope.of(adjusted(sessionId, old, false, "3", clock.instant()), tenant, "corr-late-change"));
        assertThat(announcements(old)).extracting(PartnerResultReady::resultVersion).containsExactly(2);
    }

    /** As the build before made it: an invitation without the mark, its interview without the flag, scored final. */
    private String olderBuildsGreenhouseInvitation(String email, Instant at) {
        Instant scoredAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String invitationId = sendTest(email);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(invitationId)), new Update().unset("partner"),
                "invitations");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(invitationId)),
                new Update().unset(GreenhouseInterview.INVITATION_MARKED), "greenhouse_interviews");
        String sessionId = takeTheTestFromItsEmail(invitationId);
        consumed(EventEnvelope.of(new AssessmentScored(sessionId, invitationId, "java-basics", "Java basics", null,
                null, new BigDecimal("6"), 11, 54.5, 60, false, null, List.of(), scoredAt, false, 0), tenant, "c"));
        assertThat(mongo.findById(invitationId, Invitation.class).score().scoredAt()).isEqualTo(scoredAt);
        return invitationId;
    }

    private static AssessmentScored scored(String sessionId, String invitationId, boolean provisional) {
        return new AssessmentScored(sessionId, invitationId, "java-basics", "Java basics", null, null,
                new BigDecimal("6"), 11, 54.5, 60, false, null, List.of(), SCORED_AT, provisional, provisional ? 1 : 0);
    }

    private static ScoreAdjusted adjusted(String sessionId, String invitationId, boolean provisional, String points,
                                          Instant at) {
        BigDecimal total = new BigDecimal(points);
        double percent = total.doubleValue() * 100 / 11;
        return new ScoreAdjusted(sessionId, "q-single", new BigDecimal("2"), "partly right", "rita@example.com", total,
                11, percent, percent >= 60, at, new BigDecimal("1"), "Single", provisional, provisional ? 1 : 0,
                invitationId, "Java basics", null, "rita@example.com");
    }

    /** The event applied: the consumer committed past it, so what it wrote is in the invitation's outbox. */
    private void consumed(EventEnvelope<?> event) {
        kafka.awaitConsumed("assessment-service", kafka.publish(event));
    }

    /** Every announcement so far: read once the invitation's outbox is empty, so none is still being sent. */
    private List<PartnerResultReady> announcements(String invitationId) {
        return eventsOnceSent(invitationId, "PartnerResultReady", invitationId).stream()
                .map(r -> (PartnerResultReady) r.envelope().payload()).toList();
    }

    private JsonNode testStatus(String interviewId) {
        return api(platformToken()).get(BASE + "/test_status?partner_interview_id=" + interviewId).expect(200);
    }

    private String sendTest(String email) {
        return api(platformToken()).post(BASE + "/send_test", Map.of("partner_test_id", "java-basics",
                        "candidate", Map.of("first_name", "Kate", "last_name", "Austen", "email", email), "url", CALLBACK))
                .expect(200).get("partner_interview_id").asString();
    }

}
