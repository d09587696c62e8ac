package io.hirepipe.assessment.session;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.assessment.support.TestLinkKeys;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.contracts.events.InvitationResent;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.testkit.AtOnce;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.hirepipe.testkit.OpenApiAssertions.assertDocumentsRefusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resend, reopen and the audit entries of recruiters' actions on invitations, over real HTTP, Kafka,
 * MongoDB and Redis.
 */
class RecruiterActionsTest extends AssessmentIntegrationTest {

    /** The audit entries of {@code action} on invitation {@code targetId}, all of them once its outbox is empty. */
    private List<AuditRecorded> audit(String action, String targetId) {
        awaitOutboxSent(targetId);
        return kafka.readToEnd(Topics.AUDIT, r -> r.payload() instanceof AuditRecorded a && a.action().equals(action)
                && targetId.equals(a.targetId()) && tenant.equals(r.key())).stream()
                .map(r -> (AuditRecorded) r.payload()).toList();
    }

    private AuditRecorded awaitAudit(String action, String targetId) {
        relay.publishPending();
        return (AuditRecorded) kafka.awaitRecords(Topics.AUDIT, r -> r.payload() instanceof AuditRecorded a
                && a.action().equals(action) && targetId.equals(a.targetId())).get(0).payload();
    }

    @Test
    void aResentInvitationHasANewLinkAndTheOldOneStopsOpening() {
        JsonNode created = invite(Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Ada Lovelace", "email", "ada@example.org"), "extraTimeMinutes", 20));
        String id = created.get("id").asString();

        JsonNode resent = api(recruiterToken()).post("/api/invitations/" + id + "/resend", "").expect(200);

        String newToken = tokenOf(resent);
        assertThat(newToken).isNotEqualTo(tokenOf(created));
        api(gatewayToken()).post("/internal/invitations/redeem", Map.of("token", tokenOf(created)))
                .problem(404, "unknown-token");
        assertThat(redeemAsCandidate(resent)).isNotBlank();

        InvitationResent event = (InvitationResent) awaitEvents("InvitationResent", id).get(0).payload();
        assertThat(event.candidate().email()).isEqualTo("ada@example.org");
        assertThat(event.extraTimeMinutes()).as("the new email tells the whole time too").isEqualTo(20);
        assertThat(TestLinkKeys.open(event.sealedAccessUrl())).endsWith("#token=" + newToken);
        assertThat(awaitEvents("InvitationResent", id).get(0).value()).asString().doesNotContain(newToken);

        AuditRecorded entry = awaitAudit("invitation.resent", id);
        assertThat(entry.actorId()).isEqualTo("user-1");
        assertThat(entry.actorEmail()).isEqualTo("rita@example.com");
        assertThat(entry.toString()).doesNotContain(newToken);
    }

    @Test
    void aRunningSessionCanBeResentAndContinues() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String candidate = redeemAsCandidate(created);
        start(candidate);
        save(candidate, "q-single", 1, List.of("a"), null).expect(200);

        JsonNode resent = api(recruiterToken()).post("/api/invitations/" + created.get("id").asString() + "/resend", "")
                .expect(200);
        String again = redeemAsCandidate(resent);
        JsonNode session = api(again).get("/api/candidate/assessment/session").expect(200);
        assertThat(session.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(session.toString()).contains("q-single");
    }

    @Test
    void revokedSubmittedAndExpiredInvitationsAreNotResent() {
        JsonNode revoked = invite("java-basics", "rev@example.org");
        api(recruiterToken()).post("/api/invitations/" + revoked.get("id").asString() + "/revoke",
                Map.of("reason", "position filled")).expect(200);
        api(recruiterToken()).post("/api/invitations/" + revoked.get("id").asString() + "/resend", "")
                .problem(409, "invitation-ended");

        JsonNode submitted = invite("java-basics", "sub@example.org");
        String candidate = redeemAsCandidate(submitted);
        start(candidate);
        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        JsonNode refused = api(recruiterToken()).post("/api/invitations/" + submitted.get("id").asString() + "/resend", "")
                .problem(409, "invitation-ended");
        assertThat(refused.get("invitationStatus").asString()).isEqualTo("SUBMITTED");

        api(recruiterToken()).post("/api/invitations/inv-unknown/resend", "").problem(404);
        JsonNode other = invite("java-basics", "other@example.org");
        api(recruiterToken("tenant-elsewhere")).post("/api/invitations/" + other.get("id").asString() + "/resend", "")
                .problem(404);
        api(candidate).post("/api/invitations/" + other.get("id").asString() + "/resend", "").problem(403);
        assertThat(events("InvitationResent", revoked.get("id").asString())).isEmpty();
    }

    @Test
    void revokeExtendAndExtraTimeAreAuditedInTheSameWriteAsTheChange() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String id = created.get("id").asString();
        api(recruiterToken()).put("/api/invitations/" + id + "/extra-time", Map.of("extraTimeMinutes", 15)).expect(200);
        Instant expiry = clock.instant().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        api(recruiterToken()).post("/api/invitations/" + id + "/extend", Map.of("expiresAt", expiry.toString()))
                .expect(200);
        api(platformToken()).post("/api/invitations/" + id + "/revoke", Map.of("reason", "role closed")).expect(200);
        api(platformToken()).post("/api/invitations/" + id + "/revoke", Map.of("reason", "role closed")).expect(200);

        assertThat(awaitAudit("session.extra-time", id).details()).containsEntry("extraTimeMinutes", "15")
                .containsEntry("previousExtraTimeMinutes", "0");
        assertThat(awaitAudit("invitation.extended", id).details()).containsEntry("expiresAt", expiry.toString());
        AuditRecorded revoked = awaitAudit("invitation.revoked", id);
        assertThat(revoked.actorKind()).isEqualTo("PLATFORM");
        assertThat(revoked.actorEmail()).isNull();
        assertThat(revoked.details()).containsEntry("reason", "role closed");
        assertThat(audit("invitation.revoked", id)).as("revoking again changed nothing").hasSize(1);
    }

    /**
     * Recruiters changing the same invitation at once: each audit entry names the value its own change replaced, so
     * the entries chain from the first value to the stored one (a value read before the write let two entries name
     * the same previous value, and one change vanished from the history).
     */
    @Test
    void concurrentExtendsAndExtraTimeChangesEachAuditTheValueTheyReplaced() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = invite("java-basics", "race" + round + "@example.org").get("id").asString();
            Instant base = clock.instant().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            List<String> expiries = List.of(base.toString(), base.plusSeconds(60).toString(),
                    base.plusSeconds(120).toString(), base.plusSeconds(180).toString());
            String firstExpiry = api(recruiterToken()).get("/api/invitations/" + id).expect(200)
                    .get("expiresAt").asString();

            AtOnce.run(8, change -> () -> change % 2 == 0
                    ? api(recruiterToken()).post("/api/invitations/" + id + "/extend",
                            Map.of("expiresAt", expiries.get(change / 2))).expect(200)
                    : api(recruiterToken()).put("/api/invitations/" + id + "/extra-time",
                            Map.of("extraTimeMinutes", 10 * (change / 2 + 1))).expect(200));

            JsonNode stored = api(recruiterToken()).get("/api/invitations/" + id).expect(200);
            assertThat(audit("invitation.extended", id)).hasSize(4);
            assertThat(chain(audit("invitation.extended", id), "previousExpiresAt", "expiresAt",
                    Instant.parse(firstExpiry).toString()))
                    .as("round %d", round).isEqualTo(Instant.parse(stored.get("expiresAt").asString()).toString());
            assertThat(audit("session.extra-time", id)).hasSize(4);
            assertThat(chain(audit("session.extra-time", id), "previousExtraTimeMinutes", "extraTimeMinutes", "0"))
                    .as("round %d", round).isEqualTo(stored.get("extraTimeMinutes").asString());
        }
    }

    /** Follows the entries from {@code first}, each from the value it replaced to its own; the value reached. */
    private static String chain(List<AuditRecorded> entries, String previousKey, String valueKey, String first) {
        Map<String, String> next = new java.util.HashMap<>();
        for (AuditRecorded entry : entries) {
            assertThat(next.put(entry.details().get(previousKey), entry.details().get(valueKey)))
                    .as("two changes name %s %s as the value they replaced", previousKey,
                            entry.details().get(previousKey)).isNull();
        }
        String value = first;
        for (int step = 0; step < entries.size(); step++) {
            assertThat(next).as("a change replaced %s", value).containsKey(value);
            value = next.get(value);
        }
        return value;
    }

    @Test
    void aReopenedSessionContinuesWithEveryAnswerAndClosesAgainAtItsNewDeadline() {
        QUESTION_SERVICE.define(tenant, javaTest("one-minute", 1));
        JsonNode created = invite("one-minute", "ada@example.org");
        String id = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        String sessionId = start(candidate).get("sessionId").asString();
        save(candidate, "q-single", 1, List.of("a"), null).expect(200);
        save(candidate, "q-text", 1, null, "when writes dominate").expect(200);
        clock.advance(Duration.ofSeconds(75));
        AssessmentSubmitted first = (AssessmentSubmitted) awaitEvents("AssessmentSubmitted", sessionId).get(0).payload();
        assertThat(first.reason()).isEqualTo(SubmitReason.TIMEOUT);

        JsonNode reopened = api(recruiterToken()).post("/api/invitations/" + id + "/reopen",
                Map.of("extraMinutes", 10, "reason", "the candidate's network failed")).expect(200);
        assertThat(reopened.get("status").asString()).isEqualTo("STARTED");

        String again = redeemAsCandidate(created);
        JsonNode session = api(again).get("/api/candidate/assessment/session").expect(200);
        assertThat(session.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(session.get("remainingSeconds").asLong()).isBetween(590L, 600L);
        assertThat(session.toString()).contains("when writes dominate");
        save(again, "q-multi", 2, List.of("b", "c"), null).expect(200);

        clock.advance(Duration.ofMinutes(11));
        await().atMost(EVENT_WAIT).until(() -> events("AssessmentSubmitted", sessionId).size() == 2);
        AssessmentSubmitted second = (AssessmentSubmitted) events("AssessmentSubmitted", sessionId).get(1).payload();
        assertThat(second.answers()).contains(
                new SubmittedAnswer("q-single", 3, List.of("a"), null, "Visibility"),
                new SubmittedAnswer("q-multi", 1, List.of("b", "c"), null, "Collections"),
                new SubmittedAnswer("q-text", 2, List.of(), "when writes dominate", "Indexes"));
        assertThat(second.reason()).isEqualTo(SubmitReason.TIMEOUT);
        assertThat(api(recruiterToken()).get("/api/invitations/" + id).expect(200).get("status").asString())
                .isEqualTo("SUBMITTED");

        AuditRecorded entry = awaitAudit("session.reopened", sessionId);
        assertThat(entry.details()).containsEntry("extraMinutes", "10")
                .containsEntry("reason", "the candidate's network failed").containsEntry("invitationId", id);
    }

    @Test
    void aScoredSessionReopensUntilAPersonReviewedItsResult() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String id = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        String sessionId = start(candidate).get("sessionId").asString();
        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        consumed(EventEnvelope.of(scored(sessionId, id), tenant, "corr-1"));
        assertThat(api(recruiterToken()).get("/api/invitations/" + id).expect(200).get("status").asString())
                .isEqualTo("SCORED");

        Map<String, Object> body = Map.of("extraMinutes", 5, "reason", "browser crashed");
        api(recruiterToken()).post("/api/invitations/" + id + "/reopen", body).expect(200);
        api(recruiterToken()).post("/api/invitations/" + id + "/reopen", body).problem(409, "session-not-closed");
        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        consumed(EventEnvelope.of(scored(sessionId, id), tenant, "corr-2"));
        consumed(EventEnvelope.of(new ScoreAdjusted(sessionId, "q-text", new BigDecimal("3"), "generous", "rita",
                new BigDecimal("5"), 11, 45.0, false, clock.instant(), new BigDecimal("1"), "Explain", true, 0, id,
                null, null, null), tenant, "corr-3"));

        JsonNode reviewed = api(recruiterToken()).post("/api/invitations/" + id + "/reopen", body)
                .problem(409, "result-reviewed");
        assertDocumentsRefusal(api(null).get("/v3/api-docs").expect(200), "POST", "/api/invitations/" + id + "/reopen",
                reviewed);
    }

    @Test
    void badReopenRequestsAreProblemsNamingTheField() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String path = "/api/invitations/" + created.get("id").asString() + "/reopen";
        for (Map<String, Object> body : List.of(Map.<String, Object>of("extraMinutes", 0, "reason", "x"),
                Map.<String, Object>of("extraMinutes", 241, "reason", "x"),
                Map.<String, Object>of("reason", "x"),
                Map.<String, Object>of("extraMinutes", 5, "reason", " "),
                Map.<String, Object>of("extraMinutes", 5, "reason", "x".repeat(501)))) {
            JsonNode problem = api(recruiterToken()).post(path, body).problem(400);
            assertThat(problem.toString()).as(body.toString()).containsAnyOf("extraMinutes", "reason");
        }
        api(recruiterToken()).post(path, "{\"extraMinutes\": ").problem(400);
        api(recruiterToken()).post(path, Map.of("extraMinutes", 5, "reason", "too early")).problem(409, "session-not-closed");
        api(recruiterToken()).post("/api/invitations/inv-unknown/reopen", Map.of("extraMinutes", 5, "reason", "x"))
                .problem(404);
        assertThat(audit("session.reopened", created.get("id").asString())).isEmpty();
    }

    private void consumed(EventEnvelope<?> event) {
        RecordMetadata sent = kafka.publish(event);
        kafka.awaitConsumed("assessment-service", sent);
    }

    private static AssessmentScored scored(String sessionId, String invitationId) {
        return new AssessmentScored(sessionId, invitationId, "java-basics", "Java basics", null, null,
                new BigDecimal("4"), 11, 36.4, 60, false, null, List.of(), Instant.now(), false, 0);
    }
}
