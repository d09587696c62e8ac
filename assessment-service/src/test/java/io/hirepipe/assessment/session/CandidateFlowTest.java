package io.hirepipe.assessment.session;

import io.hirepipe.testkit.AtOnce;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.assessment.support.QuestionServiceStub;
import io.hirepipe.contracts.events.AssessmentStarted;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.hirepipe.assessment.invitation.Invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.hirepipe.testkit.OpenApiAssertions.assertDocumentsRefusal;
import static org.assertj.core.api.Assertions.assertThat;

/** A candidate from the link to the submitted assessment, over real HTTP, Kafka, MongoDB and Redis. */
class CandidateFlowTest extends AssessmentIntegrationTest {

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;

    @Test
    void redeemStartAnswerAndSubmitEmitsOneSubmissionWithEveryAnswer() {
        JsonNode created = invite(Map.of("testId", "java-basics", "extraTimeMinutes", 10,
                "candidate", Map.of("name", "Ada Lovelace", "email", "ada@example.org")));
        String invitationId = created.get("id").asString();

        JsonNode redemption = api(gatewayToken()).post("/internal/invitations/redeem", Map.of("token", tokenOf(created)))
                .expect(200);
        assertThat(redemption.get("tenantId").asString()).isEqualTo(tenant);
        assertThat(redemption.get("invitationId").asString()).isEqualTo(invitationId);
        assertThat(redemption.get("status").asString()).isEqualTo("INVITED");
        String candidate = candidateToken(tenant, invitationId);

        JsonNode before = api(candidate).get("/api/candidate/assessment").expect(200);
        assertThat(before.get("status").asString()).isEqualTo("INVITED");
        assertThat(before.get("testTitle").asString()).isEqualTo("Java basics");
        assertThat(before.has("session")).isFalse();

        JsonNode session = start(candidate);
        String sessionId = session.get("sessionId").asString();
        assertThat(session.get("status").asString()).isEqualTo("ACTIVE");
        Instant startedAt = Instant.parse(session.get("startedAt").asString());
        assertThat(Instant.parse(session.get("deadline").asString())).isEqualTo(startedAt.plus(Duration.ofMinutes(40)));
        assertThat(session.get("remainingSeconds").asLong()).isBetween(39 * 60L, 40 * 60L);
        assertThat(session.get("questions").findValuesAsString("questionId"))
                .containsExactly("q-single", "q-multi", "q-text", "q-skipped");
        assertThat(session.get("questions").get(1).get("options").findValuesAsString("id"))
                .containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(session.toString()).doesNotContain("correctOptionIds", "rubric", "keyPoints");
        // The first answer is built from the copy the start wrote, a second one is read back from the database.
        JsonNode startedAgain = start(candidate);
        for (String field : List.of("sessionId", "status", "startedAt", "deadline", "questions", "answers",
                "maxTextLength")) {
            assertThat(startedAgain.get(field)).as("starting again: " + field).isEqualTo(session.get(field));
        }

        AssessmentStarted started = (AssessmentStarted) awaitEvents("AssessmentStarted", invitationId)
                .get(0).envelope().payload();
        assertThat(started.sessionId()).isEqualTo(sessionId);
        assertThat(started.deadline()).isEqualTo(startedAt.plus(Duration.ofMinutes(40)));
        assertThat(api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("status").asString())
                .isEqualTo("STARTED");
        assertThat(api(gatewayToken()).post("/internal/invitations/redeem", Map.of("token", tokenOf(created)))
                .expect(200).get("status").asString()).as("a started session can be resumed").isEqualTo("STARTED");

        JsonNode first = save(candidate, "q-single", 1, List.of("b"), null).expect(200);
        assertThat(first.get("applied").asBoolean()).isTrue();
        save(candidate, "q-single", 3, List.of("c"), null).expect(200);
        JsonNode stale = save(candidate, "q-single", 2, List.of("a"), null).expect(200);
        assertThat(stale.get("applied").asBoolean()).as("an older save arriving late").isFalse();
        assertThat(stale.get("selectedOptionIds").get(0).asString()).isEqualTo("c");
        assertThat(stale.get("sequence").asLong()).isEqualTo(3);
        JsonNode repeated = save(candidate, "q-single", 3, List.of("d"), null).expect(200);
        assertThat(repeated.get("applied").asBoolean()).as("the same sequence again").isFalse();
        save(candidate, "q-multi", 1, List.of("a", "d"), null).expect(200);
        save(candidate, "q-text", 7, null, "When writes dominate: every index slows inserts.").expect(200);

        JsonNode answers = api(candidate).get("/api/candidate/assessment/session").expect(200).get("answers");
        assertThat(answers.get("q-single").get("selectedOptionIds").get(0).asString()).isEqualTo("c");
        assertThat(answers.get("q-single").get("sequence").asLong()).isEqualTo(3);
        assertThat(answers.has("q-skipped")).isFalse();

        JsonNode submitted = api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("reason").asString()).isEqualTo("CANDIDATE");
        JsonNode again = api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        assertThat(again).isEqualTo(submitted);

        AssessmentSubmitted event = (AssessmentSubmitted) awaitEvents("AssessmentSubmitted", sessionId)
                .get(0).envelope().payload();
        assertThat(event.reason()).isEqualTo(SubmitReason.CANDIDATE);
        assertThat(event.invitationId()).isEqualTo(invitationId);
        assertThat(event.testTitle()).isEqualTo("Java basics");
        assertThat(event.passMarkPercent()).isEqualTo(60);
        assertThat(event.candidate().email()).isEqualTo("ada@example.org");
        assertThat(event.recruiterEmail()).isEqualTo("rita@example.com");
        assertThat(event.startedAt()).isEqualTo(startedAt);
        assertThat(event.submittedAt()).isEqualTo(Instant.parse(submitted.get("submittedAt").asString()));
        assertThat(event.answers()).containsExactly(
                new SubmittedAnswer("q-single", 3, List.of("c"), null, "Visibility"),
                new SubmittedAnswer("q-multi", 1, List.of("a", "d"), null, "Collections"),
                new SubmittedAnswer("q-text", 2, List.of(), "When writes dominate: every index slows inserts.",
                        "Indexes"),
                new SubmittedAnswer("q-skipped", 1, List.of(), null, "GC"));

        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        assertThat(eventsOnceSent(invitationId, "AssessmentSubmitted", sessionId)).hasSize(1);
        assertThat(events("AssessmentStarted", invitationId)).hasSize(1);

        JsonNode late = save(candidate, "q-skipped", 1, List.of("x"), null).problem(409, "session-submitted");
        assertDocumentsRefusal(api(null).get("/v3/api-docs").expect(200), "PUT", "/api/candidate/assessment/answers/q-skipped",
                late);
        JsonNode closed = api(candidate).get("/api/candidate/assessment/session").expect(200);
        assertThat(closed.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(closed.get("remainingSeconds").asLong()).isZero();
        assertThat(api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200).get("status").asString())
                .isEqualTo("SUBMITTED");
        api(gatewayToken()).post("/internal/invitations/redeem", Map.of("token", tokenOf(created)))
                .problem(410, "invitation-unavailable");
    }

    @Test
    void parallelStartsShareOneSessionAndOneEvent() throws Exception {
        JsonNode created = invite("java-basics", "ada@example.org");
        String candidate = redeemAsCandidate(created);
        ExecutorService tabs = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpApi.Response>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(tabs.submit(() -> api(candidate).post("/api/candidate/assessment/start", "")));
            }
            Set<String> sessionIds = new HashSet<>();
            for (Future<HttpApi.Response> start : starts) {
                sessionIds.add(start.get().expect(200).get("sessionId").asString());
            }
            assertThat(sessionIds).hasSize(1);
        } finally {
            tabs.shutdown();
        }
        String invitationId = created.get("id").asString();
        assertThat(eventsOnceSent(invitationId, "AssessmentStarted", invitationId)).hasSize(1);
    }

    @Test
    void aFlushedRedisLosesNothing() {
        String candidate = redeemAsCandidate(invite("java-basics", "ada@example.org"));
        start(candidate);
        save(candidate, "q-single", 1, List.of("a"), null).expect(200);
        save(candidate, "q-text", 1, null, "first draft").expect(200);
        api(candidate).get("/api/candidate/assessment/session").expect(200);
        assertThat(redis.keys("hirepipe:assessment:session:" + tenant + ":*")).as("hot in Redis").hasSize(1);

        redis.execute((RedisCallback<Object>) connection -> {
            connection.serverCommands().flushAll();
            return null;
        });

        JsonNode reloaded = api(candidate).get("/api/candidate/assessment/session").expect(200);
        assertThat(reloaded.get("answers").get("q-single").get("selectedOptionIds").get(0).asString()).isEqualTo("a");
        assertThat(reloaded.get("answers").get("q-text").get("text").asString()).isEqualTo("first draft");
        assertThat(reloaded.get("questions")).hasSize(4);

        save(candidate, "q-text", 2, null, "second draft").expect(200);
        save(candidate, "q-text", 1, null, "stale draft").expect(200);
        assertThat(api(candidate).get("/api/candidate/assessment/session").expect(200)
                .get("answers").get("q-text").get("text").asString()).isEqualTo("second draft");
    }

    @Test
    void anOutdatedCopyInRedisNeitherLosesNorRevivesAnAnswer() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String invitationId = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        start(candidate);
        save(candidate, "q-single", 1, List.of("a"), null).expect(200);
        String key = "hirepipe:assessment:session:" + tenant + ":" + invitationId;
        Map<Object, Object> outdated = redis.opsForHash().entries(key);
        save(candidate, "q-single", 2, List.of("b"), null).expect(200);
        // the copy as it was before the second save, as a Redis that missed a refresh would hold it
        redis.opsForHash().putAll(key, outdated);

        JsonNode other = save(candidate, "q-multi", 1, List.of("a", "d"), null).expect(200);
        assertThat(other.get("applied").asBoolean()).isTrue();
        redis.opsForHash().putAll(key, outdated);
        JsonNode older = save(candidate, "q-single", 2, List.of("c"), null).expect(200);
        assertThat(older.get("applied").asBoolean()).as("the stored save has this sequence already").isFalse();
        assertThat(older.get("selectedOptionIds").get(0).asString()).isEqualTo("b");

        JsonNode answers = api(candidate).get("/api/candidate/assessment/session").expect(200).get("answers");
        assertThat(answers.get("q-single").get("selectedOptionIds").get(0).asString()).isEqualTo("b");
        assertThat(answers.get("q-multi").get("selectedOptionIds").toString()).isEqualTo("[\"a\",\"d\"]");
    }

    @Test
    void theHotCopyAfterASaveIsWhatMongoDbHolds() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String invitationId = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        JsonNode session = start(candidate);
        JsonNode saved = save(candidate, "q-single", 1, List.of("b"), null).expect(200);
        save(candidate, "q-text", 4, null, "a first draft").expect(200);
        assertThat(saved.get("applied").asBoolean()).isTrue();
        assertThat(saved.get("deadline").asString()).isEqualTo(session.get("deadline").asString());

        Invitation stored = mongo.findById(invitationId, Invitation.class);
        String key = "hirepipe:assessment:session:" + tenant + ":" + invitationId;
        assertThat(redis.opsForHash().get(key, "revision")).isEqualTo(String.valueOf(stored.revision()));
        Invitation hot = json.readValue(redis.opsForHash().get(key, "json").toString(), Invitation.class);
        assertThat(hot.revision()).isEqualTo(stored.revision());
        assertThat(hot.session().answers()).isEqualTo(stored.session().answers()).containsOnlyKeys("q-single", "q-text");
        assertThat(hot.session().answers().get("q-text").text()).isEqualTo("a first draft");
        assertThat(hot.session().deadline()).isEqualTo(stored.session().deadline());
        assertThat(hot.status()).isEqualTo(stored.status());
    }

    @Test
    void aSaveIsTimedAsARequestButSpringSecuritysFiltersAreNot() {
        String candidate = redeemAsCandidate(invite("java-basics", "ada@example.org"));
        start(candidate);
        save(candidate, "q-single", 1, List.of("a"), null).expect(200);

        assertThat(meters.find("http.server.requests").tag("uri", "/api/candidate/assessment/answers/{questionId}")
                .timer()).as("the request's timer").isNotNull();
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security."));
    }

    @Test
    void savesRacingOnOneSessionKeepTheNewestOfEveryQuestion() throws Exception {
        String candidate = redeemAsCandidate(invite("java-basics", "ada@example.org"));
        start(candidate);
        List<String> questions = List.of("q-single", "q-multi", "q-skipped");
        ExecutorService tabs = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpApi.Response>> saves = new ArrayList<>();
            for (int sequence = 1; sequence <= 10; sequence++) {
                for (String question : questions) {
                    long seq = sequence;
                    String option = question.equals("q-skipped") ? (seq % 2 == 0 ? "x" : "y") : (seq % 2 == 0 ? "a" : "b");
                    saves.add(tabs.submit(() -> save(candidate, question, seq, List.of(option), null)));
                }
            }
            for (Future<HttpApi.Response> save : saves) {
                save.get().expect(200);
            }
        } finally {
            tabs.shutdown();
        }
        JsonNode answers = api(candidate).get("/api/candidate/assessment/session").expect(200).get("answers");
        for (String question : questions) {
            assertThat(answers.get(question).get("sequence").asLong()).as(question).isEqualTo(10);
            assertThat(answers.get(question).get("selectedOptionIds").get(0).asString()).as(question)
                    .isEqualTo(question.equals("q-skipped") ? "x" : "a");
        }
    }

    /**
     * Submit pressed in several tabs at once: every press answers the same accepted submission (not an error), and the
     * session is submitted once, with the answer saved just before.
     */
    @Test
    void submitsPressedAtOnceAnswerTheSameSubmissionAndSubmitOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            JsonNode created = invite("java-basics", "tabs-" + round + "@example.org");
            String candidate = redeemAsCandidate(created);
            String sessionId = start(candidate).get("sessionId").asString();
            save(candidate, "q-single", 1, List.of("b"), null).expect(200);

            List<HttpApi.Response> submits = AtOnce.run(4, tab -> () -> api(candidate)
                    .post("/api/candidate/assessment/submit", ""));

            assertThat(submits.stream().map(submit -> submit.expect(200)).distinct()).as("round %d", round).hasSize(1);
            List<EventRecord> submitted = eventsOnceSent(created.get("id").asString(), "AssessmentSubmitted", sessionId);
            assertThat(submitted).as("round %d", round).hasSize(1);
            assertThat(((AssessmentSubmitted) submitted.get(0).envelope().payload()).answers())
                    .filteredOn(a -> a.questionId().equals("q-single"))
                    .singleElement().satisfies(a -> assertThat(a.selectedOptionIds()).containsExactly("b"));
        }
    }

    /**
     * A recruiter revoking while the candidate starts: one of them wins, never both (a running session on a revoked
     * invitation), and the loser is told why.
     */
    @Test
    void aRevokeRacingTheStartLetsExactlyOneWin() throws Exception {
        for (int round = 0; round < 4; round++) {
            JsonNode created = invite("java-basics", "race-" + round + "@example.org");
            String id = created.get("id").asString();
            String candidate = redeemAsCandidate(created);

            List<HttpApi.Response> both = AtOnce.run(List.of(
                    () -> api(candidate).post("/api/candidate/assessment/start", ""),
                    () -> api(recruiterToken()).post("/api/invitations/" + id + "/revoke", "{\"reason\":\"filled\"}")));

            HttpApi.Response started = both.get(0);
            HttpApi.Response revoked = both.get(1);
            String status = api(recruiterToken()).get("/api/invitations/" + id).expect(200).get("status").asString();
            if (status.equals("STARTED")) {
                started.expect(200);
                revoked.problem(409, "invitation-started");
            } else {
                assertThat(status).as("round %d", round).isEqualTo("REVOKED");
                revoked.expect(200);
                started.problem(410, "invitation-revoked");
                assertThat(eventsOnceSent(id, "AssessmentStarted", id)).as("round %d", round).isEmpty();
            }
        }
    }

    @Test
    void optionOrderIsShuffledPerSessionAndStableWithinIt() {
        List<List<String>> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String candidate = redeemAsCandidate(invite("java-basics", "c" + i + "@example.org"));
            List<String> order = start(candidate).get("questions").get(1).get("options").findValuesAsString("id");
            assertThat(api(candidate).get("/api/candidate/assessment/session").expect(200)
                    .get("questions").get(1).get("options").findValuesAsString("id")).isEqualTo(order);
            orders.add(order);
        }
        assertThat(orders.stream().distinct().count()).as("six sessions, 120 possible orders").isGreaterThan(1);
    }

    @Test
    void answersMustFitTheirQuestion() {
        String candidate = redeemAsCandidate(invite("java-basics", "ada@example.org"));
        save(candidate, "q-single", 1, List.of("a"), null).problem(409, "session-not-started");
        start(candidate);

        save(candidate, "q-unknown", 1, List.of("a"), null).problem(404, "not-found");
        save(candidate, "q-single", 1, List.of("a", "b"), null).problem(400, "invalid-answer");
        save(candidate, "q-single", 1, List.of(), null).problem(400, "invalid-answer");
        save(candidate, "q-single", 1, List.of("z"), null).problem(400, "invalid-answer");
        save(candidate, "q-multi", 1, List.of("a", "a"), null).problem(400, "invalid-answer");
        save(candidate, "q-multi", 1, List.of("a"), "text too").problem(400, "invalid-answer");
        save(candidate, "q-text", 1, List.of("a"), null).problem(400, "invalid-answer");
        save(candidate, "q-text", 1, null, "x".repeat(20_001)).problem(400, "invalid-request");
        assertThat(save(candidate, "q-text", 1, null, "x".repeat(20_000)).expect(200).get("applied").asBoolean()).isTrue();
        save(candidate, "q-single", 0, List.of("a"), null).problem(400, "invalid-request");

        String path = "/api/candidate/assessment/answers/q-single";
        api(candidate).put(path, "{\"selectedOptionIds\": [\"a\"]}").problem(400, "invalid-request");
        api(candidate).put(path, "{\"sequence\": 1, \"selectedOptionIds\": [\"a\"").problem(400, "malformed-request");
        api(candidate).put(path, "{\"sequence\": {\"$gt\": 0}, \"selectedOptionIds\": [\"a\"]}")
                .problem(400, "malformed-request");
        api(candidate).put(path, "{\"sequence\": 1, \"selectedOptionIds\": {\"$ne\": null}}")
                .problem(400, "malformed-request");
        api(candidate).put(path, "{\"sequence\": \"first\", \"selectedOptionIds\": [\"a\"]}")
                .problem(400, "malformed-request");
        api(candidate).put(path, "{\"sequence\": 1, \"text\": \"" + "y".repeat(300_000) + "\"}")
                .problem(413, "payload-too-large");

        JsonNode answers = api(candidate).get("/api/candidate/assessment/session").expect(200).get("answers");
        assertThat(answers.has("q-single")).isFalse();
        assertThat(answers.has("q-multi")).isFalse();
    }

    @Test
    void integritySignalsAreRecordedBoundedAndShownToTheRecruiterOnly() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String candidate = redeemAsCandidate(created);
        String signal = "{\"type\": \"PASTE\", \"questionId\": \"q-text\", \"at\": \"2026-01-01T10:00:00Z\"}";
        api(candidate).post("/api/candidate/assessment/signals", signal).problem(409, "session-not-started");
        start(candidate);

        assertThat(api(candidate).post("/api/candidate/assessment/signals", signal).status()).isEqualTo(202);
        for (int i = 0; i < 6; i++) {
            assertThat(api(candidate).post("/api/candidate/assessment/signals",
                    "{\"type\": \"FOCUS_LOST\", \"at\": \"2026-01-01T10:00:0" + i + "Z\"}").status()).isEqualTo(202);
        }
        api(candidate).post("/api/candidate/assessment/signals", "{\"type\": \"TELEPORT\"}")
                .problem(400, "malformed-request");
        api(candidate).post("/api/candidate/assessment/signals", "{\"type\": {\"$gt\": \"\"}}")
                .problem(400, "malformed-request");
        api(candidate).post("/api/candidate/assessment/signals", "{}").problem(400, "invalid-request");
        api(candidate).post("/api/candidate/assessment/signals", "{\"type\": \"COPY\"").problem(400, "malformed-request");
        api(candidate).post("/api/candidate/assessment/signals", "{\"type\": \"COPY\", \"at\": \"yesterday\"}")
                .problem(400, "malformed-request");
        api(candidate).post("/api/candidate/assessment/signals", "{\"type\": \"COPY\", \"questionId\": \""
                + "q".repeat(300_000) + "\"}").problem(413, "payload-too-large");
        api(candidate).post("/api/candidate/assessment/signals",
                        "{\"type\": \"COPY\", \"at\": \"2026-01-01T10:01:00Z\", \"questionId\": \"q-nope\"}")
                .problem(404, "not-found");

        JsonNode integrity = api(recruiterToken()).get("/api/invitations/" + created.get("id").asString()).expect(200)
                .get("integrity");
        assertThat(integrity.get("recorded").asInt()).as("capped at max-signals=5").isEqualTo(5);
        assertThat(integrity.get("dropped").asInt()).isEqualTo(2);
        assertThat(integrity.get("counts").get("PASTE").asInt()).isEqualTo(1);
        assertThat(integrity.get("counts").get("FOCUS_LOST").asInt()).isEqualTo(6);
        assertThat(api(candidate).get("/api/candidate/assessment/session").body()).doesNotContain("PASTE", "integrity");

        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        api(candidate).post("/api/candidate/assessment/signals", "{\"type\": \"COPY\", \"at\": \"2026-01-01T10:02:00Z\"}")
                .problem(409, "session-submitted");
    }

    @Test
    void aCandidateReachesOnlyTheirOwnInvitation() {
        QUESTION_SERVICE.define(tenant, new QuestionServiceStub.Test("sql", "SQL", 20, 50,
                List.of(new QuestionServiceStub.Question("q-sql", 1, QuestionKind.FREE_TEXT, "Joins", "Explain joins",
                        List.of(), 4))));
        JsonNode invitationA = invite("java-basics", "a@example.org");
        JsonNode invitationB = invite("sql", "b@example.org");
        String candidateA = redeemAsCandidate(invitationA);
        String candidateB = redeemAsCandidate(invitationB);
        start(candidateA);
        start(candidateB);
        save(candidateB, "q-sql", 1, null, "B's answer").expect(200);

        save(candidateA, "q-sql", 2, null, "A writing into B").problem(404, "not-found");
        assertThat(api(candidateB).get("/api/candidate/assessment/session").expect(200)
                .get("answers").get("q-sql").get("text").asString()).isEqualTo("B's answer");

        String bInOtherTenant = candidateToken("other-tenant", invitationB.get("id").asString());
        api(bInOtherTenant).get("/api/candidate/assessment").problem(404, "not-found");
        api(bInOtherTenant).get("/api/candidate/assessment/session").problem(404, "not-found");
        api(bInOtherTenant).post("/api/candidate/assessment/submit", "").problem(404, "not-found");
        api(candidateToken(tenant, "inv_unknown")).get("/api/candidate/assessment").problem(404, "not-found");
        assertThat(api(candidateB).get("/api/candidate/assessment/session").expect(200).get("status").asString())
                .isEqualTo("ACTIVE");

    }

    @Test
    void everyCandidateEndpointWantsACandidateToken() {
        String answer = "{\"sequence\": 5, \"text\": \"x\"}";
        String signal = "{\"type\": \"COPY\", \"at\": \"2026-01-01T10:00:00Z\"}";
        for (String token : new String[]{null, "forged.token.value"}) {
            api(token).get("/api/candidate/assessment").problem(401, "unauthenticated");
            api(token).post("/api/candidate/assessment/start", "").problem(401, "unauthenticated");
            api(token).get("/api/candidate/assessment/session").problem(401, "unauthenticated");
            api(token).put("/api/candidate/assessment/answers/q-text", answer).problem(401, "unauthenticated");
            api(token).post("/api/candidate/assessment/signals", signal).problem(401, "unauthenticated");
            api(token).post("/api/candidate/assessment/submit", "").problem(401, "unauthenticated");
        }
        for (String token : new String[]{recruiterToken(), platformToken(), gatewayToken()}) {
            api(token).get("/api/candidate/assessment").problem(403, "forbidden");
            api(token).post("/api/candidate/assessment/start", "").problem(403, "forbidden");
            api(token).get("/api/candidate/assessment/session").problem(403, "forbidden");
            api(token).put("/api/candidate/assessment/answers/q-text", answer).problem(403, "forbidden");
            api(token).post("/api/candidate/assessment/signals", signal).problem(403, "forbidden");
            api(token).post("/api/candidate/assessment/submit", "").problem(403, "forbidden");
        }
    }

    @Test
    void aRevokedOrExpiredInvitationCannotBeStarted() {
        JsonNode revoked = invite("java-basics", "r@example.org");
        String revokedCandidate = redeemAsCandidate(revoked);
        api(recruiterToken()).post("/api/invitations/" + revoked.get("id").asString() + "/revoke",
                "{\"reason\":\"filled\"}").expect(200);
        api(revokedCandidate).post("/api/candidate/assessment/start", "").problem(410, "invitation-revoked");
        assertThat(api(revokedCandidate).get("/api/candidate/assessment").expect(200).get("status").asString())
                .isEqualTo("REVOKED");
        api(gatewayToken()).post("/internal/invitations/redeem", Map.of("token", tokenOf(revoked)))
                .problem(410, "invitation-unavailable");

        JsonNode expiring = invite(Map.of("testId", "java-basics", "expiresInHours", 1,
                "candidate", Map.of("name", "E", "email", "e@example.org")));
        String expiringCandidate = redeemAsCandidate(expiring);
        clock.advance(Duration.ofMinutes(61));
        api(expiringCandidate).post("/api/candidate/assessment/start", "").problem(410, "invitation-expired");
        assertThat(api(recruiterToken()).get("/api/invitations/" + expiring.get("id").asString()).expect(200)
                .get("status").asString()).isEqualTo("EXPIRED");
        JsonNode gone = api(gatewayToken()).post("/internal/invitations/redeem", Map.of("token", tokenOf(expiring)))
                .problem(410, "invitation-unavailable");
        assertThat(gone.get("invitationStatus").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void aTestWhosePoolTheBankCanNoLongerFillIsAClearConflictNotAnOutage() {
        JsonNode invitation = invite("java-basics", "p@example.org");
        String candidate = redeemAsCandidate(invitation);
        QUESTION_SERVICE.makeUnfillable(tenant, "java-basics");

        for (int attempt = 0; attempt < 6; attempt++) {
            JsonNode problem = api(candidate).post("/api/candidate/assessment/start", "").problem(409, "test-cannot-start");
            assertThat(problem.get("detail").asString()).contains("cannot start right now", "invitation stays valid");
        }
        // nothing was started, and question-service is not taken for down: other tests still start
        assertThat(api(recruiterToken()).get("/api/invitations/" + invitation.get("id").asString()).expect(200)
                .get("status").asString()).isEqualTo("INVITED");
        QUESTION_SERVICE.define(tenant, javaTest("java-basics-2", 30));
        start(redeemAsCandidate(invite("java-basics-2", "q@example.org")));
    }
}
