package io.hirepipe.assessment.session;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the candidate's browser app needs from the session API: server time, instructions, the
 * question count before start, the free-text limit, sequences per answer, the deadline on every
 * save, extra time that moves a running deadline, token renewal, batched signals, late saves.
 */
class CandidatePageSupportTest extends AssessmentIntegrationTest {

    @Test
    void theWelcomePageLearnsEverythingBeforeStartingAndTheSessionCarriesSequences() {
        JsonNode created = invite(Map.of("testId", "java-basics", "extraTimeMinutes", 5,
                "candidate", Map.of("name", "Ada", "email", "ada@example.org")));
        String candidate = redeemAsCandidate(created);

        JsonNode welcome = api(candidate).get("/api/candidate/assessment").expect(200);
        assertThat(welcome.get("instructions").asString()).isEqualTo("Answer in your own words.\n\nNo notes.");
        assertThat(welcome.get("questionCount").asInt()).isEqualTo(4);
        assertThat(welcome.get("durationMinutes").asInt()).isEqualTo(30);
        assertThat(welcome.get("extraTimeMinutes").asInt()).isEqualTo(5);
        assertThat(welcome.get("contactEmail").asString()).isEqualTo("rita@example.com");
        assertThat(Instant.parse(welcome.get("serverTime").asString())).isCloseTo(clock.instant(), within(Duration.ofSeconds(5)));

        JsonNode session = start(candidate);
        assertThat(session.get("maxTextLength").asInt()).isEqualTo(SaveAnswerRequest.MAX_TEXT);
        assertThat(session.has("serverTime")).isTrue();
        JsonNode saved = save(candidate, "q-text", 7, null, "An index slows writes.").expect(200);
        assertThat(saved.get("deadline").asString()).isEqualTo(session.get("deadline").asString());

        JsonNode resumed = api(candidate).get("/api/candidate/assessment/session").expect(200);
        assertThat(resumed.get("answers").get("q-text").get("sequence").asLong())
                .as("a second device continues above the stored sequence").isEqualTo(7);
    }

    @Test
    void extraTimeMovesARunningDeadlineAndTheNextSaveSaysSo() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String invitationId = created.get("id").asString();
        api(recruiterToken()).put("/api/invitations/" + invitationId + "/extra-time", Map.of("extraTimeMinutes", 10))
                .expect(200);
        String candidate = redeemAsCandidate(created);
        JsonNode session = start(candidate);
        Instant startedAt = Instant.parse(session.get("startedAt").asString());
        assertThat(Instant.parse(session.get("deadline").asString())).isEqualTo(startedAt.plus(Duration.ofMinutes(40)));

        JsonNode changed = api(recruiterToken()).put("/api/invitations/" + invitationId + "/extra-time",
                Map.of("extraTimeMinutes", 25)).expect(200);

        Instant moved = startedAt.plus(Duration.ofMinutes(55));
        assertThat(Instant.parse(changed.get("deadline").asString())).isEqualTo(moved);
        assertThat(changed.get("extraTimeMinutes").asInt()).isEqualTo(25);
        assertThat(Instant.parse(save(candidate, "q-single", 1, List.of("a"), null).expect(200).get("deadline").asString()))
                .isEqualTo(moved);
        JsonNode renewed = api(gatewayToken(tenant)).post("/internal/invitations/renew", Map.of("invitationId", invitationId))
                .expect(200);
        assertThat(Instant.parse(renewed.get("accessUntil").asString()))
                .as("the candidate token lasts until the moved deadline plus grace").isEqualTo(moved.plusSeconds(10));

        clock.advance(Duration.ofMinutes(45));
        assertThat(save(candidate, "q-single", 2, List.of("b"), null).expect(200).get("applied").asBoolean())
                .as("after the old deadline, before the new one").isTrue();
    }

    @Test
    void extraTimeRequestsThatCannotWorkAreProblems() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String invitationId = created.get("id").asString();
        String path = "/api/invitations/" + invitationId + "/extra-time";

        api(recruiterToken()).put(path, Map.of("extraTimeMinutes", -1)).problem(400);
        api(recruiterToken()).put(path, Map.of("extraTimeMinutes", 241)).problem(400);
        api(recruiterToken()).put(path, Map.of("extraTimeMinutes", "ten")).problem(400);
        api(recruiterToken()).put(path, Map.of()).problem(400);
        api(recruiterToken()).put(path, "{\"extraTimeMinutes\": ").problem(400);
        api(recruiterToken()).put("/api/invitations/inv_unknown/extra-time", Map.of("extraTimeMinutes", 5)).problem(404);
        api(recruiterToken("another-tenant")).put(path, Map.of("extraTimeMinutes", 5)).problem(404);
        api(candidateToken(invitationId)).put(path, Map.of("extraTimeMinutes", 5)).problem(403);

        api(recruiterToken()).put(path, Map.of("extraTimeMinutes", 10)).expect(200);
        String candidate = redeemAsCandidate(created);
        start(candidate);
        clock.advance(Duration.ofMinutes(35));
        api(recruiterToken()).put(path, Map.of("extraTimeMinutes", 0)).problem(422, "deadline-in-past");
        api(recruiterToken()).put(path, Map.of("extraTimeMinutes", 20)).expect(200);

        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        api(recruiterToken()).put(path, Map.of("extraTimeMinutes", 30)).problem(409, "session-submitted");
    }

    @Test
    void renewingNamesTheTenantAndRefusesWhatIsNoLongerUsable() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String invitationId = created.get("id").asString();

        JsonNode before = api(gatewayToken(tenant)).post("/internal/invitations/renew", Map.of("invitationId", invitationId))
                .expect(200);
        assertThat(before.get("accessUntil").asString()).isEqualTo(before.get("expiresAt").asString());
        api(gatewayToken()).post("/internal/invitations/renew", Map.of("invitationId", invitationId))
                .problem(400, "tenant-required");
        api(gatewayToken(tenant)).post("/internal/invitations/renew", Map.of("invitationId", "")).problem(400);
        api(gatewayToken(tenant)).post("/internal/invitations/renew", Map.of()).problem(400);
        api(gatewayToken("another-tenant")).post("/internal/invitations/renew", Map.of("invitationId", invitationId))
                .problem(404);
        api(recruiterToken()).post("/internal/invitations/renew", Map.of("invitationId", invitationId)).problem(403);

        api(recruiterToken()).post("/api/invitations/" + invitationId + "/revoke", Map.of("reason", "Filled")).expect(200);
        JsonNode gone = api(gatewayToken(tenant)).post("/internal/invitations/renew", Map.of("invitationId", invitationId))
                .problem(410, "invitation-unavailable");
        assertThat(gone.get("invitationStatus").asString()).isEqualTo("REVOKED");
        assertThat(gone.get("contactEmail").asString()).isEqualTo("rita@example.com");
    }

    @Test
    void savesAfterTheDeadlineAndGraceAreRefusedAndCountedForTheRecruiter() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String invitationId = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        start(candidate);
        save(candidate, "q-single", 1, List.of("a"), null).expect(200);

        clock.advance(Duration.ofMinutes(30).plusSeconds(11));
        save(candidate, "q-text", 1, null, "Too late").problem(409, "session-closed");
        save(candidate, "q-multi", 1, List.of("a"), null).problem(409, "session-closed");

        JsonNode invitation = api(recruiterToken()).get("/api/invitations/" + invitationId).expect(200);
        assertThat(invitation.get("lateSaves").asInt()).isEqualTo(2);
        assertThat(api(candidate).get("/api/candidate/assessment/session").expect(200).toString())
                .as("the candidate never sees the count").doesNotContain("lateSaves");
    }

    /**
     * The browser sends a batch again when it never got the answer, which may have been lost after the store: its time
     * tells a signal sent again from a new one, so a signal without one is refused rather than counted twice.
     */
    @Test
    void aBatchSentAgainIsCountedOnceAndEachSignalNeedsItsTime() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String candidate = redeemAsCandidate(created);
        start(candidate);
        String path = "/api/candidate/assessment/signals/batch";
        Map<String, Object> batch = Map.of("signals", List.of(
                Map.of("type", "PASTE", "at", "2026-01-01T10:00:00.125Z", "questionId", "q-text"),
                Map.of("type", "HIDDEN", "at", "2026-01-01T10:00:01.500Z"),
                Map.of("type", "PASTE", "at", "2026-01-01T10:00:02.125Z", "questionId", "q-text")));

        api(candidate).post(path, batch).expect(202);
        api(candidate).post(path, batch).expect(202);
        Map<String, Object> untimed = Map.of("signals", List.of(Map.of("type", "COPY", "at", "2026-01-01T10:00:03Z"),
                Map.of("type", "COPY")));
        JsonNode refused = api(candidate).post(path, untimed).problem(400, "invalid-request");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("signals[1].at");
        assertThat(refused.get("detail").asString()).startsWith("signals[1].at: ");
        api(candidate).post("/api/candidate/assessment/signals", Map.of("type", "COPY")).problem(400, "invalid-request");

        JsonNode integrity = api(recruiterToken()).get("/api/invitations/" + created.get("id").asString()).expect(200)
                .get("integrity");
        assertThat(integrity.get("counts").get("PASTE").asInt()).isEqualTo(2);
        assertThat(integrity.get("counts").get("HIDDEN").asInt()).isEqualTo(1);
        assertThat(integrity.get("counts").has("COPY")).as("a refused batch stores none of its signals").isFalse();
        assertThat(integrity.get("recorded").asInt()).isEqualTo(3);
        assertThat(integrity.get("dropped").asInt()).isZero();
    }

    @Test
    void signalsArriveInBatchesAndBadBatchesAreProblems() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String candidate = redeemAsCandidate(created);
        start(candidate);
        String path = "/api/candidate/assessment/signals/batch";

        api(candidate).post(path, Map.of("signals", List.of(
                Map.of("type", "FOCUS_LOST", "at", "2026-01-01T10:00:00Z", "questionId", "q-text"),
                Map.of("type", "HIDDEN", "at", "2026-01-01T10:00:01Z"),
                Map.of("type", "VISIBLE", "at", "2026-01-01T10:00:05Z"),
                Map.of("type", "PASTE", "at", "2026-01-01T10:00:06Z", "questionId", "q-text")))).expect(202);
        JsonNode integrity = api(recruiterToken()).get("/api/invitations/" + created.get("id").asString()).expect(200)
                .get("integrity");
        assertThat(integrity.get("counts").get("HIDDEN").asInt()).isEqualTo(1);
        assertThat(integrity.get("counts").get("PASTE").asInt()).isEqualTo(1);

        api(candidate).post(path, Map.of("signals", List.of())).problem(400);
        api(candidate).post(path, Map.of()).problem(400);
        api(candidate).post(path, Map.of("signals", List.of(Map.of("type", "SCREENSHOT")))).problem(400);
        api(candidate).post(path, Map.of("signals", List.of(Map.of("type", "COPY", "at", "yesterday")))).problem(400);
        List<Map<String, Object>> flood = new ArrayList<>();
        for (int i = 0; i <= SignalBatchRequest.MAX; i++) {
            flood.add(Map.of("type", "COPY", "at", Instant.parse("2026-01-01T10:00:00Z").plusSeconds(i).toString()));
        }
        JsonNode tooMany = api(candidate).post(path, Map.of("signals", flood)).problem(400, "invalid-request");
        assertThat(tooMany.get("detail").asString()).as("not 'between 0 and 100': an empty batch is refused above")
                .isEqualTo("signals: must have at most 100 entries");
        api(candidate).post(path, Map.of("signals", List.of(Map.of("type", "COPY", "at", "2026-01-01T10:00:00Z",
                "questionId", "q-nope")))).problem(404);
    }
}
