package io.hirepipe.assessment.privacy;

import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStore;
import io.hirepipe.assessment.session.SessionCache;
import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.assessment.support.ParkedOutboxEvents;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.contracts.events.CandidateErasureCompleted;
import io.hirepipe.contracts.events.CandidateErasureRequested;
import io.hirepipe.testkit.EventRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.hirepipe.assessment.privacy.PrivacySettingsTest.assertField;
import static io.hirepipe.testkit.OpenApiAssertions.assertDocumentsRefusal;
import static io.hirepipe.testkit.OpenApiAssertions.assertDocumentsStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Erasing one candidate: this service's own data, the request on Kafka, per-service status until ERASED. */
class CandidateErasureTest extends AssessmentIntegrationTest {

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    SessionCache cache;
    @Autowired
    InvitationStore invitations;

    @Test
    void erasureByEmailAnonymisesEveryInvitationOfTheCandidateAndNothingElse() {
        JsonNode grace = invite(Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Grace Hopper", "email", "Grace.Hopper@example.org")));
        String graceCandidate = redeemAsCandidate(grace);
        String sessionId = start(graceCandidate).get("sessionId").asString();
        save(graceCandidate, "q-text", 1, null, "COBOL compilers, written by Grace").expect(200);
        JsonNode ada = invite(Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Ada Lovelace", "email", "ada@example.org")));
        String adaCandidate = redeemAsCandidate(ada);
        start(adaCandidate);
        save(adaCandidate, "q-text", 1, null, "Analytical engine notes by Ada").expect(200);
        assertThat(redisValues()).anyMatch(v -> v.contains("Grace Hopper"));

        HttpApi202 accepted = erase(Map.of("email", "grace.hopper@EXAMPLE.org"));
        assertThat(accepted.body.get("status").asString()).isEqualTo("PENDING");
        assertThat(accepted.body.get("services").get("assessment-service").asString()).isEqualTo("PENDING");

        CandidateErasureRequested requested = awaitRequested(accepted.id);
        assertThat(requested.invitationIds()).containsExactly(grace.get("id").asString());
        assertThat(requested.sessionIds()).containsExactly(sessionId);
        assertThat(requested.emailSha256()).isEqualTo(CandidateErasureRequested.emailSha256Of("grace.hopper@example.org"))
                .doesNotContain("grace");

        // the erasure itself is audited, with ids only
        AuditRecorded audited = (AuditRecorded) kafka.awaitRecords(Topics.AUDIT, r -> r.payload() instanceof AuditRecorded a
                && a.action().equals("candidate.erasure-requested") && accepted.id.equals(a.targetId())).get(0).payload();
        assertThat(audited.details()).containsEntry("by", "email").containsEntry("invitations", "1");
        assertThat(audited.toString()).doesNotContainIgnoringCase("grace");

        awaitService(accepted.id, "assessment-service");
        Document graceDoc = mongo.findById(grace.get("id").asString(), Document.class, "invitations");
        assertThat(graceDoc.toJson()).doesNotContainIgnoringCase("grace").doesNotContain("COBOL");
        assertThat(graceDoc.getString("status")).isEqualTo("REVOKED");
        assertThat(redisValues()).noneMatch(v -> v.contains("Grace") || v.contains("COBOL"));
        // the candidate's still-valid short-lived token shows nothing erased and can no longer answer
        assertThat(api(graceCandidate).get("/api/candidate/assessment/session").body()).doesNotContain("COBOL");
        assertThat(save(graceCandidate, "q-text", 2, null, "more").status()).isBetween(400, 499);
        // the other candidate is untouched
        Document adaDoc = mongo.findById(ada.get("id").asString(), Document.class, "invitations");
        assertThat(adaDoc.toJson()).contains("Ada Lovelace", "ada@example.org", "Analytical engine notes by Ada");

        // the other services answer; the request shows ERASED once all did, with their counts
        complete(accepted.id, "scoring-service", Map.of("results", 1L));
        assertThat(status(accepted.id).get("status").asString()).isEqualTo("PENDING");
        complete(accepted.id, "notification-service", Map.of("email_deliveries", 2L));
        await().atMost(EVENT_WAIT).until(() -> "ERASED".equals(status(accepted.id).get("status").asString()));
        JsonNode erased = status(accepted.id);
        assertThat(erased.get("removedCounts").get("assessment-service").get("invitations").asLong()).isEqualTo(1);
        assertThat(erased.get("removedCounts").get("notification-service").get("email_deliveries").asLong()).isEqualTo(2);

        // a repeated request is harmless: it completes with zero counts
        HttpApi202 again = erase(Map.of("invitationId", grace.get("id").asString()));
        awaitService(again.id, "assessment-service");
        assertThat(status(again.id).get("removedCounts").get("assessment-service").get("invitations").asLong()).isZero();
        // a redelivered completion changes nothing
        complete(accepted.id, "notification-service", Map.of("email_deliveries", 99L));
        assertThat(status(accepted.id).get("removedCounts").get("notification-service").get("email_deliveries").asLong())
                .isEqualTo(2);
    }

    /**
     * An autosave that read the session just before the erasure refreshes the Redis copy just after it: the answers
     * it read must not come back with it.
     */
    @Test
    void aSaveInFlightDuringTheErasureDoesNotPutTheAnswersBackInRedis() {
        JsonNode grace = invite(Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Grace Hopper", "email", "grace@example.org")));
        String id = grace.get("id").asString();
        String candidate = redeemAsCandidate(grace);
        start(candidate);
        save(candidate, "q-text", 1, null, "COBOL compilers, written by Grace").expect(200);
        Invitation asTheSaveReadIt = invitations.find(tenant, id).orElseThrow();

        HttpApi202 accepted = erase(Map.of("invitationId", id));
        awaitService(accepted.id, "assessment-service");
        cache.refresh(asTheSaveReadIt);

        assertThat(redisValues()).noneMatch(v -> v.contains("Grace") || v.contains("COBOL"));
        assertThat(api(candidate).get("/api/candidate/assessment").body()).doesNotContain("Grace");
        assertThat(api(candidate).get("/api/candidate/assessment/session").body()).doesNotContain("COBOL");
    }

    @Test
    void eventsStillWaitingInTheOutboxAndKeptIdempotentResponsesLoseTheCandidate() {
        String key = "idem-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Grace Hopper", "email", "grace@example.org"));
        JsonNode grace = api(recruiterToken()).withHeader("Idempotency-Key", key).post("/api/invitations", body)
                .expect(201);
        String id = grace.get("id").asString();
        // the relay is done with the invitation's first event (sent, and its lease let go)
        await().atMost(EVENT_WAIT).until(() -> !mongo.findById(id, Document.class, "invitations")
                .containsKey("outboxLeaseToken") && "[]".equals(outboxOf(id)));
        // the relay is held off this invitation from now on: what the candidate does next waits in its outbox
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("outboxLeaseUntil", Date.from(clock.instant().plus(Duration.ofDays(1)))), "invitations");
        String candidate = redeemAsCandidate(grace);
        start(candidate);
        save(candidate, "q-text", 1, null, "COBOL compilers, written by Grace").expect(200);
        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        assertThat(outboxOf(id)).as("waiting with the candidate's data").contains("Grace Hopper", "COBOL");

        HttpApi202 accepted = erase(Map.of("invitationId", id));
        awaitService(accepted.id, "assessment-service");

        String pending = outboxOf(id);
        assertThat(pending).contains("AssessmentSubmitted", "Erased candidate")
                .doesNotContainIgnoringCase("grace").doesNotContain("COBOL");
        // a retry under the key neither replays the erased candidate nor invites them again
        api(recruiterToken()).withHeader("Idempotency-Key", key).post("/api/invitations", body)
                .problem(410, "candidate-erased");
        assertThat(mongo.find(Query.query(Criteria.where("tenantId").is(tenant).and("candidate.email")
                .is("grace@example.org")), Document.class, "invitations")).isEmpty();
        assertThat(mongo.find(Query.query(Criteria.where("tenantId").is(tenant)), Document.class, "idempotency_keys"))
                .singleElement().satisfies(kept -> assertThat(kept.get("body")).isNull());
        JsonNode counts = status(accepted.id).get("removedCounts").get("assessment-service");
        assertThat(counts.get("idempotency_keys").asLong()).isEqualTo(1);
        assertThat(counts.get("pending_events").asLong()).isPositive();
    }

    @Test
    void anErasedCandidatesInvitationIsNeitherExtendedNorReopenedAndSaysWhy() {
        // one never started (the erasure revokes it) and one submitted: the two a recruiter could still act on
        String unstarted = invite("java-basics", "grace@example.org").get("id").asString();
        JsonNode submitted = invite("java-basics", "grace@example.com");
        String candidate = redeemAsCandidate(submitted);
        start(candidate);
        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        String submittedId = submitted.get("id").asString();

        awaitService(erase(Map.of("invitationId", unstarted)).id, "assessment-service");
        awaitService(erase(Map.of("invitationId", submittedId)).id, "assessment-service");

        JsonNode extend = api(recruiterToken()).post("/api/invitations/" + unstarted + "/extend",
                Map.of("expiresAt", clock.instant().plus(Duration.ofDays(3)).toString())).problem(409);
        assertThat(extend.get("type").asString()).endsWith("/candidate-erased");
        JsonNode reopen = api(recruiterToken()).post("/api/invitations/" + submittedId + "/reopen",
                Map.of("extraMinutes", 15, "reason", "The candidate's laptop crashed")).problem(409);
        assertThat(reopen.get("type").asString()).endsWith("/candidate-erased");
        JsonNode docs = api(null).get("/v3/api-docs").expect(200);
        assertDocumentsRefusal(docs, "POST", "/api/invitations/" + unstarted + "/extend", extend);
        assertDocumentsRefusal(docs, "POST", "/api/invitations/" + submittedId + "/reopen", reopen);
        Document kept = mongo.findById(submittedId, Document.class, "invitations");
        assertThat(kept.getString("status")).as("the erased session stays closed").isEqualTo("SUBMITTED");
    }

    @Test
    void eventsTheRelaySetAsideAsParkedLoseTheCandidateToo() {
        String id = invite("java-basics", "grace@example.org").get("id").asString();
        String otherId = invite("java-basics", "ada@example.org").get("id").asString();
        // as the relay parks an event Kafka can never take (README "Parked outbox events")
        ParkedOutboxEvents parking = new ParkedOutboxEvents(mongo, tenant, clock.instant());
        String parked = parking.park(id, "Grace Hopper", "grace@example.org");
        String untouched = parking.park(otherId, "Ada Lovelace", "ada@example.org");

        HttpApi202 accepted = erase(Map.of("invitationId", id));
        awaitService(accepted.id, "assessment-service");

        assertThat(parking.json(parked)).contains(id, "Erased candidate").doesNotContainIgnoringCase("grace");
        assertThat(parking.json(untouched)).contains("Ada Lovelace", "ada@example.org");
        assertThat(status(accepted.id).get("removedCounts").get("assessment-service").get("pending_events").asLong())
                .isPositive();
    }

    private String outboxOf(String invitationId) {
        return String.valueOf(mongo.findById(invitationId, Document.class, "invitations").getList("outbox",
                Document.class, List.of()));
    }

    @Test
    void anUnknownEmailIsAcceptedAndCompletesWithZeroCounts() {
        HttpApi202 accepted = erase(Map.of("email", "nobody@example.org"));
        CandidateErasureRequested requested = awaitRequested(accepted.id);
        assertThat(requested.invitationIds()).isEmpty();
        awaitService(accepted.id, "assessment-service");
        assertThat(status(accepted.id).get("removedCounts").get("assessment-service").get("invitations").asLong()).isZero();
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndOtherTenantsSeeNothing() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String id = created.get("id").asString();
        assertField(api(adminToken()).post("/api/privacy/erasures", Map.of()).problem(400), "email");
        assertField(api(adminToken()).post("/api/privacy/erasures", Map.of("email", "ada@example.org",
                "invitationId", id)).problem(400), "invitationId");
        assertField(api(adminToken()).post("/api/privacy/erasures", Map.of("email", "not-an-email")).problem(400),
                "email");
        api(adminToken()).post("/api/privacy/erasures", Map.of("invitationId", "inv_unknown")).problem(404);
        // another tenant's invitation is unknown there, and so is this tenant's erasure
        api(adminToken("other-" + tenant)).post("/api/privacy/erasures", Map.of("invitationId", id)).problem(404);
        assertThat(api(platformToken()).post("/api/privacy/erasures", Map.of("invitationId", id)).status()).isEqualTo(403);
        assertThat(mongo.findById(id, Document.class, "invitations").toJson()).as("refused requests erase nothing")
                .contains("ada@example.org");
        HttpApi202 accepted = erase(Map.of("invitationId", id));
        api(adminToken("other-" + tenant)).get("/api/privacy/erasures/" + accepted.id).problem(404);
        api(adminToken()).get("/api/privacy/erasures/era_unknown").problem(404);
    }

    @Test
    void adminsListTheirOwnErasuresNewestFirstPageByPage() {
        String ownTenant = "erasures-" + UUID.randomUUID();
        List<String> ids = new java.util.ArrayList<>();
        for (String email : List.of("one@example.org", "two@example.org", "three@example.org")) {
            var response = api(adminToken(ownTenant)).post("/api/privacy/erasures", Map.of("email", email));
            ids.add(response.expect(202).get("erasureId").asString());
        }

        JsonNode first = api(adminToken(ownTenant)).get("/api/privacy/erasures?limit=2").expect(200);
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("items").get(0).get("status").asString()).isIn("PENDING", "ERASED");
        JsonNode second = api(adminToken(ownTenant)).get("/api/privacy/erasures?limit=2&cursor="
                + first.get("nextCursor").asString()).expect(200);
        assertThat(second.get("hasMore").asBoolean()).isFalse();
        List<JsonNode> listed = java.util.stream.Stream.concat(first.get("items").valueStream(),
                second.get("items").valueStream()).toList();
        assertThat(listed.stream().map(e -> e.get("erasureId").asString())).as("each once, across both pages")
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(listed.stream().map(e -> Instant.parse(e.get("requestedAt").asString())))
                .as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(api(adminToken("other-" + ownTenant)).get("/api/privacy/erasures").expect(200).get("items")).isEmpty();
        assertThat(api(platformToken()).get("/api/privacy/erasures").status()).isEqualTo(403);
        assertThat(api(adminToken(ownTenant)).get("/api/privacy/erasures?limit=0").problem(400).toString()).contains("limit");
        assertThat(api(adminToken(ownTenant)).get("/api/privacy/erasures?cursor=nonsense").problem(400).toString())
                .contains("cursor");
    }

    private record HttpApi202(String id, JsonNode body) {
    }

    private HttpApi202 erase(Map<String, Object> body) {
        var response = api(adminToken()).post("/api/privacy/erasures", body);
        JsonNode json = response.expect(202);
        assertThat(response.location()).hasValueSatisfying(l -> assertThat(l).endsWith(json.get("erasureId").asString()));
        assertDocumentsStatus(api(null).get("/v3/api-docs").expect(200), "POST", "/api/privacy/erasures", 202);
        return new HttpApi202(json.get("erasureId").asString(), json);
    }

    private JsonNode status(String erasureId) {
        return api(adminToken()).get("/api/privacy/erasures/" + erasureId).expect(200);
    }

    private void awaitService(String erasureId, String service) {
        await().atMost(EVENT_WAIT).until(() -> "DONE".equals(status(erasureId).get("services").get(service).asString()));
    }

    private CandidateErasureRequested awaitRequested(String erasureId) {
        List<EventRecord> records = kafka.awaitRecords(Topics.PRIVACY, r -> erasureId.equals(r.key())
                && r.envelope() != null && r.envelope().payload() instanceof CandidateErasureRequested);
        return (CandidateErasureRequested) records.get(0).envelope().payload();
    }

    private void complete(String erasureId, String service, Map<String, Long> counts) {
        kafka.awaitConsumed("assessment-service", kafka.publish(EventEnvelope.of(
                new CandidateErasureCompleted(erasureId, service, counts, Instant.now()), tenant, "corr-erasure")));
    }

    private List<String> redisValues() {
        return redis.keys("hirepipe:assessment:session:" + tenant + ":*").stream()
                .map(key -> Objects.toString(redis.opsForHash().get(key, "json"), "")).toList();
    }
}
