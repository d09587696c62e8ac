package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationFields;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.InvitationStore;
import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import org.junit.jupiter.api.Test;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-side deadline: saves refused after it (plus grace), sessions closed by the sweep exactly once. */
class SessionExpiryTest extends AssessmentIntegrationTest {

    @Autowired
    SubmissionService submissions;
    @Autowired
    InvitationStore invitations;
    @Autowired
    SessionStore sessions;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void aSessionPastItsDeadlineIsClosedWithTimeoutExactlyOnce() {
        QUESTION_SERVICE.define(tenant, javaTest("one-minute", 1));
        JsonNode created = invite("one-minute", "ada@example.org");
        String invitationId = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        String sessionId = start(candidate).get("sessionId").asString();
        save(candidate, "q-single", 1, List.of("a"), null).expect(200);

        clock.advance(Duration.ofSeconds(65));
        assertThat(save(candidate, "q-text", 1, null, "just in time").expect(200).get("applied").asBoolean())
                .as("within the 10 s grace").isTrue();
        assertThat(api(candidate).get("/api/candidate/assessment/session").expect(200).get("remainingSeconds").asLong())
                .isZero();

        clock.advance(Duration.ofSeconds(10));
        save(candidate, "q-multi", 1, List.of("b"), null).problem(409, "session-closed");

        AssessmentSubmitted event = (AssessmentSubmitted) awaitEvents("AssessmentSubmitted", sessionId)
                .get(0).envelope().payload();
        assertThat(event.reason()).isEqualTo(SubmitReason.TIMEOUT);
        assertThat(event.answers()).containsExactly(
                new SubmittedAnswer("q-single", 3, List.of("a"), null, "Visibility"),
                new SubmittedAnswer("q-multi", 1, List.of(), null, "Collections"),
                new SubmittedAnswer("q-text", 2, List.of(), "just in time", "Indexes"),
                new SubmittedAnswer("q-skipped", 1, List.of(), null, "GC"));

        JsonNode session = api(candidate).get("/api/candidate/assessment/session").expect(200);
        assertThat(session.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(session.get("submitReason").asString()).isEqualTo("TIMEOUT");
        JsonNode submit = api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        assertThat(submit.get("reason").asString()).as("a late submit reports the deadline's close").isEqualTo("TIMEOUT");
        assertThat(save(candidate, "q-multi", 2, List.of("b"), null).problem(409, "session-closed").get("detail").asString())
                .as("closed by the clock, not by the candidate").isEqualTo("The time for this assessment is over.");
        assertThat(api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("submitReason").asString())
                .isEqualTo("TIMEOUT");

        assertThat(eventsOnceSent(invitationId, "AssessmentSubmitted", sessionId)).hasSize(1);
    }

    @Test
    void instancesRacingToCloseTheSameSessionsEmitOneSubmissionEach() throws Exception {
        QUESTION_SERVICE.define(tenant, javaTest("one-minute", 1));
        List<String> sessionIds = new ArrayList<>();
        List<Invitation> asReadBeforeTheDeadline = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode created = invite("one-minute", "c" + i + "@example.org");
            String candidate = redeemAsCandidate(created);
            sessionIds.add(start(candidate).get("sessionId").asString());
            save(candidate, "q-single", 1, List.of("b"), null).expect(200);
            asReadBeforeTheDeadline.add(invitations.find(tenant, created.get("id").asString()).orElseThrow());
        }

        clock.advance(Duration.ofMinutes(2));
        // Four "instances" close every session from the same stale read, while the scheduled sweep runs too.
        List<Callable<Invitation>> closes = new ArrayList<>();
        for (int instance = 0; instance < 4; instance++) {
            asReadBeforeTheDeadline.forEach(read -> closes.add(() -> submissions.closeAtDeadline(read)));
        }
        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            for (var outcome : instances.invokeAll(closes)) {
                assertThat(outcome.get().session().submitReason()).isEqualTo(SubmitReason.TIMEOUT);
            }
        } finally {
            instances.shutdown();
        }

        for (int i = 0; i < sessionIds.size(); i++) {
            assertThat(eventsOnceSent(asReadBeforeTheDeadline.get(i).id(), "AssessmentSubmitted", sessionIds.get(i)))
                    .as(sessionIds.get(i)).hasSize(1);
        }
        AssessmentSubmitted first = (AssessmentSubmitted) events("AssessmentSubmitted", sessionIds.get(0))
                .get(0).envelope().payload();
        assertThat(first.answers().get(0).selectedOptionIds()).containsExactly("b");
    }

    @Test
    void extraTimeMovesTheDeadline() {
        QUESTION_SERVICE.define(tenant, javaTest("one-minute", 1));
        JsonNode created = invite(Map.of("testId", "one-minute", "extraTimeMinutes", 2,
                "candidate", Map.of("name", "Ada", "email", "ada@example.org")));
        String candidate = redeemAsCandidate(created);
        start(candidate);

        clock.advance(Duration.ofMinutes(2));
        assertThat(save(candidate, "q-single", 1, List.of("a"), null).expect(200).get("applied").asBoolean()).isTrue();
        JsonNode session = api(candidate).get("/api/candidate/assessment/session").expect(200);
        assertThat(session.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(session.get("remainingSeconds").asLong()).isBetween(50L, 60L);
    }

    /** Extra time given while the candidate's start is under way (its questions being fetched) is in the deadline. */
    @Test
    void extraTimeGivenWhileTheCandidateStartsIsInTheDeadline() {
        QUESTION_SERVICE.define(tenant, javaTest("one-minute", 1));
        JsonNode created = invite("one-minute", "ada@example.org");
        String id = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        String recruiter = recruiterToken();
        QUESTION_SERVICE.beforeNextDelivery(tenant, "one-minute", () -> api(recruiter)
                .put("/api/invitations/" + id + "/extra-time", Map.of("extraTimeMinutes", 5)).expect(200));

        JsonNode session = start(candidate);

        assertThat(Instant.parse(session.get("deadline").asString()))
                .isEqualTo(Instant.parse(session.get("startedAt").asString()).plus(Duration.ofMinutes(6)));
        JsonNode invitation = api(recruiter).get("/api/invitations/" + id).expect(200);
        assertThat(invitation.get("extraTimeMinutes").asInt()).isEqualTo(5);
        assertThat(invitation.get("deadline").asString()).isEqualTo(session.get("deadline").asString());
        assertThat(eventsOnceSent(id, "AssessmentStarted", id)).as("one start").hasSize(1);
    }

    /**
     * A reopened session runs to the reopen's deadline, so extra time given afterwards moves that deadline by the
     * change: counted from the first start it would have moved it back to long before the reopen's.
     */
    @Test
    void extraTimeForAReopenedSessionMovesTheDeadlineItRunsTo() {
        QUESTION_SERVICE.define(tenant, javaTest("one-minute", 1));
        JsonNode created = invite("one-minute", "ada@example.org");
        String id = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        start(candidate);
        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        clock.advance(Duration.ofMinutes(5));
        JsonNode reopened = api(recruiterToken()).post("/api/invitations/" + id + "/reopen",
                Map.of("extraMinutes", 10, "reason", "the candidate's browser crashed")).expect(200);
        Instant reopenedDeadline = Instant.parse(reopened.get("deadline").asString());

        JsonNode given = api(recruiterToken()).put("/api/invitations/" + id + "/extra-time",
                Map.of("extraTimeMinutes", 5)).expect(200);

        assertThat(Instant.parse(given.get("deadline").asString())).isEqualTo(reopenedDeadline.plus(Duration.ofMinutes(5)));
        JsonNode session = api(redeemAsCandidate(created)).get("/api/candidate/assessment/session").expect(200);
        assertThat(session.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(session.get("remainingSeconds").asLong()).isBetween(890L, 900L);
        api(recruiterToken()).put("/api/invitations/" + id + "/extra-time", Map.of("extraTimeMinutes", 5)).expect(200);
        assertThat(Instant.parse(api(recruiterToken()).get("/api/invitations/" + id).expect(200).get("deadline")
                .asString())).as("the whole amount, not an increment").isEqualTo(reopenedDeadline.plus(Duration.ofMinutes(5)));
    }

    /**
     * The sweep reads overdue sessions, then closes them one by one: a session whose deadline moved in between
     * (extra time given just before the old one passed) runs on rather than being closed by that stale read.
     */
    @Test
    void theSweepLeavesRunningASessionWhoseDeadlineMovedAfterItWasRead() {
        QUESTION_SERVICE.define(tenant, javaTest("one-minute", 1));
        JsonNode created = invite("one-minute", "ada@example.org");
        String id = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        String sessionId = start(candidate).get("sessionId").asString();
        save(candidate, "q-single", 1, List.of("a"), null).expect(200);
        Invitation asTheSweepReadIt = invitations.find(tenant, id).orElseThrow();

        api(recruiterToken()).put("/api/invitations/" + id + "/extra-time", Map.of("extraTimeMinutes", 5)).expect(200);
        clock.advance(Duration.ofSeconds(75));
        Invitation afterTheStaleClose = submissions.closeAtDeadline(asTheSweepReadIt);

        assertThat(afterTheStaleClose.status()).isEqualTo(InvitationStatus.STARTED);
        assertThat(save(candidate, "q-text", 1, null, "still my time").expect(200).get("applied").asBoolean()).isTrue();
        assertThat(eventsOnceSent(id, "AssessmentSubmitted", sessionId)).isEmpty();
    }

    /**
     * Redis can miss the refresh after a write (a timeout, a failover): a copy from before extra time was given must
     * neither refuse the saves the extra time allows nor show the candidate that the time is over.
     */
    @Test
    void aCopyFromBeforeExtraTimeNeitherRefusesSavesNorEndsTheTime() {
        QUESTION_SERVICE.define(tenant, javaTest("one-minute", 1));
        JsonNode created = invite("one-minute", "ada@example.org");
        String id = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        start(candidate);
        save(candidate, "q-single", 1, List.of("a"), null).expect(200);
        String key = "hirepipe:assessment:session:" + tenant + ":" + id;
        Map<Object, Object> beforeExtraTime = redis.opsForHash().entries(key);
        api(recruiterToken()).put("/api/invitations/" + id + "/extra-time", Map.of("extraTimeMinutes", 5)).expect(200);
        redis.opsForHash().putAll(key, beforeExtraTime);

        clock.advance(Duration.ofSeconds(75));

        JsonNode session = api(candidate).get("/api/candidate/assessment/session").expect(200);
        assertThat(session.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(session.get("remainingSeconds").asLong()).isBetween(280L, 300L);
        assertThat(save(candidate, "q-text", 1, null, "in my extra time").expect(200).get("applied").asBoolean()).isTrue();
        assertThat(api(recruiterToken()).get("/api/invitations/" + id).expect(200).get("lateSaves").asInt()).isZero();
    }

    /** As above, for a copy from before the session was reopened: the candidate goes on, not told it was submitted. */
    @Test
    void aCopyFromBeforeAReopenDoesNotRefuseTheReopenedSessionsSaves() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String id = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        start(candidate);
        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        String key = "hirepipe:assessment:session:" + tenant + ":" + id;
        Map<Object, Object> submitted = redis.opsForHash().entries(key);
        api(recruiterToken()).post("/api/invitations/" + id + "/reopen",
                Map.of("extraMinutes", 10, "reason", "the candidate's browser crashed")).expect(200);
        redis.opsForHash().putAll(key, submitted);

        assertThat(save(candidate, "q-single", 1, List.of("b"), null).expect(200).get("applied").asBoolean()).isTrue();
        assertThat(api(candidate).get("/api/candidate/assessment/session").expect(200).get("status").asString())
                .isEqualTo("ACTIVE");
    }

    /** A session started by a version that did not mark running sessions is marked at start-up and closed like any. */
    @Test
    void aSessionStartedBeforeRunningSessionsWereMarkedIsClosedAtItsDeadline() {
        QUESTION_SERVICE.define(tenant, javaTest("one-minute", 1));
        JsonNode created = invite("one-minute", "ada@example.org");
        String invitationId = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        String sessionId = start(candidate).get("sessionId").asString();
        Query thisOne = Query.query(Criteria.where("_id").is(invitationId));
        assertThat(mongo.findOne(thisOne, Document.class, Invitation.COLLECTION)).containsEntry(InvitationFields.OPEN_SESSION, true);
        mongo.updateFirst(thisOne, new Update().unset(InvitationFields.OPEN_SESSION), Invitation.COLLECTION);

        assertThat(sessions.markRunningSessions()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(75));

        AssessmentSubmitted event = (AssessmentSubmitted) awaitEvents("AssessmentSubmitted", sessionId)
                .get(0).envelope().payload();
        assertThat(event.reason()).isEqualTo(SubmitReason.TIMEOUT);
        assertThat(mongo.findOne(thisOne, Document.class, Invitation.COLLECTION))
                .as("an ended session is no longer read by the sweep").doesNotContainKey(InvitationFields.OPEN_SESSION);
    }
}
