package io.hirepipe.assessment.partner.greenhouse;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.assessment.support.TestLinkKeys;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.PartnerTestSent;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.testkit.AtOnce;
import io.hirepipe.testkit.HttpApi;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Greenhouse's Assessment API as Greenhouse calls it (after the gateway turned its Basic key into a
 * platform caller): the request and response shapes of its public documentation, over real HTTP,
 * against real MongoDB and Kafka.
 */
class GreenhouseAdapterTest extends AssessmentIntegrationTest {

    private static final String BASE = "/api/integrations/greenhouse";
    private static final String CALLBACK = "https://app.greenhouse.io/integrations/testing_partners/take_home_tests/12345";

    @BeforeEach
    void greenhouseSetUp() {
        api(adminToken()).put(BASE + "/settings", Map.of("reportTo", "hiring@acme.example")).expect(200);
    }

    private HttpApi greenhouse() {
        return api(platformToken());
    }

    /** Greenhouse's documented send_test body, plus a property it may add one day. */
    private static Map<String, Object> sendTestBody(Object testId, String email) {
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("first_name", "Harry");
        candidate.put("last_name", "Potter");
        candidate.put("resume_url", null);
        candidate.put("phone_number", "123-456-7890");
        candidate.put("email", email);
        candidate.put("greenhouse_profile_url", "https://app.greenhouse.io/people/17681532?application_id=26234709");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partner_test_id", testId);
        body.put("candidate", candidate);
        body.put("url", CALLBACK);
        body.put("greenhouse_application_id", 26234709);
        return body;
    }

    private String sendTest(String email) {
        JsonNode sent = greenhouse().post(BASE + "/send_test", sendTestBody("java-basics", email)).expect(200);
        assertThat(sent.propertyNames()).containsExactly("partner_interview_id");
        return sent.get("partner_interview_id").asString();
    }

    @Test
    void listTestsAnswersAnArrayOfTheTenantsPublishedTests() {
        QUESTION_SERVICE.define(tenant, javaTest("sql-joins", 20));
        // published, and being edited: its next version is a draft, but candidates are still invited to it
        QUESTION_SERVICE.define(tenant, javaTest("kafka-basics", 20));
        QUESTION_SERVICE.editDraft(tenant, "kafka-basics", javaTest("kafka-basics", 30));
        QUESTION_SERVICE.defineDraft(tenant, javaTest("draft-test", 20));
        QUESTION_SERVICE.define("tenant-other-" + UUID.randomUUID(), javaTest("not-ours", 20));

        HttpApi.Response response = greenhouse().get(BASE + "/list_tests");

        assertThat(response.status()).isEqualTo(200);
        JsonNode tests = response.json();
        assertThat(tests.isArray()).as("a bare array, as Greenhouse documents it").isTrue();
        assertThat(tests.valueStream().map(t -> t.get("partner_test_id").asString()))
                .containsExactlyInAnyOrder("java-basics", "sql-joins", "kafka-basics");
        tests.forEach(t -> {
            assertThat(t.propertyNames()).containsExactlyInAnyOrder("partner_test_id", "partner_test_name");
            assertThat(t.get("partner_test_name").asString()).isEqualTo("Java basics");
        });
    }

    @Test
    void sendTestInvitesTheCandidateLikeAnyInvitationAndKeepsGreenhousesCallback() {
        String interviewId = sendTest("harry@hogwarts.example");

        JsonNode invitation = api(recruiterToken()).get("/api/invitations/" + interviewId).expect(200);
        assertThat(invitation.get("candidate").get("name").asString()).isEqualTo("Harry Potter");
        assertThat(invitation.get("candidate").get("email").asString()).isEqualTo("harry@hogwarts.example");
        assertThat(invitation.get("recruiterEmail").asString()).as("the tenant's Greenhouse report address")
                .isEqualTo("hiring@acme.example");
        assertThat(invitation.get("status").asString()).isEqualTo("INVITED");

        InvitationCreated created = (InvitationCreated) awaitEvents("InvitationCreated", interviewId).get(0)
                .envelope().payload();
        assertThat(created.sealedAccessUrl()).as("the candidate is emailed their link as usual").isNotBlank();
        EventEnvelope<?> sent = awaitEvents("PartnerTestSent", interviewId).stream()
                .filter(r -> r.key().equals(interviewId)).findFirst().orElseThrow().envelope();
        assertThat(sent.tenantId()).isEqualTo(tenant);
        assertThat((PartnerTestSent) sent.payload()).satisfies(p -> {
            assertThat(p.partner()).isEqualTo("greenhouse");
            assertThat(p.partnerInterviewId()).isEqualTo(interviewId);
            assertThat(p.callbackUrl()).isEqualTo(CALLBACK);
        });
    }

    @Test
    void greenhouseSendingTheSameTestAgainGetsTheSameInterview_butAnInvitationMadeElsewhereStaysA409() {
        String first = sendTest("ron@hogwarts.example");

        assertThat(sendTest("ron@hogwarts.example")).as("a retried send_test").isEqualTo(first);
        assertThat(api(recruiterToken()).get("/api/invitations?limit=50").expect(200).get("items").findValuesAsString("id"))
                .containsOnlyOnce(first);
        // another take-home test in Greenhouse (another application, say) is not a retry: answering it with the
        // first interview would leave its own url never told of completion
        JsonNode other = greenhouse().post(BASE + "/send_test", with(sendTestBody("java-basics", "ron@hogwarts.example"),
                "url", CALLBACK.replace("/12345", "/67890"))).problem(409, "already-invited");
        assertThat(other.get("invitationId").asString()).isEqualTo(first);

        invite(Map.of("testId", "java-basics", "candidate", Map.of("name", "Neville", "email", "neville@hogwarts.example")));
        greenhouse().post(BASE + "/send_test", sendTestBody("java-basics", "neville@hogwarts.example"))
                .problem(409, "already-invited");
    }

    /**
     * Greenhouse retrying a send_test while the first is still being answered gets what the first gets, as a retry
     * after it does: the same interview, not a 409 for the invitation its own first request just made.
     */
    @Test
    void greenhouseRetryingASendTestWhileTheFirstIsBeingAnsweredGetsTheSameInterview() throws Exception {
        for (int round = 0; round < 40; round++) {
            String email = "luna" + round + "@hogwarts.example";
            List<HttpApi.Response> answers = AtOnce.run(4, retry -> () ->
                    greenhouse().post(BASE + "/send_test", sendTestBody("java-basics", email)));

            assertThat(answers.stream().map(answer -> answer.expect(200).get("partner_interview_id").asString())
                    .distinct())
                    .as("round %d: one interview for the one request", round).hasSize(1);
        }
    }

    /**
     * The process dies after inviting the candidate and before writing the interview (its callback and
     * PartnerTestSent); Greenhouse got no answer and retries. The retry gets the invitation and writes the interview,
     * so Greenhouse can ask its status and will hear of its completion.
     */
    @Test
    void aRetryAfterTheFirstSendDiedBeforeWritingTheInterviewWritesIt() {
        String interviewId = sendTest("neville@hogwarts.example");
        mongo.getCollection(GreenhouseInterview.COLLECTION).deleteOne(eq("_id", interviewId));

        String retried = sendTest("neville@hogwarts.example");

        assertThat(retried).isEqualTo(interviewId);
        Document interview = mongo.getCollection(GreenhouseInterview.COLLECTION).find(eq("_id", interviewId)).first();
        assertThat(interview).as("the interview the first send did not write").isNotNull();
        assertThat(interview.getString("callbackUrl")).isEqualTo(CALLBACK);
        assertThat(greenhouse().get(BASE + "/test_status?partner_interview_id=" + interviewId).expect(200)
                .get("partner_status").asString()).isEqualTo("incomplete");
    }

    /**
     * Greenhouse retries a send_test whose answer it lost, possibly after the candidate already took the test: a
     * second invitation would email the candidate a retake and give the application two results. A test the
     * recruiter revoked in Hirepipe is sent anew.
     */
    @Test
    void greenhouseSendingATestAgainAfterTheCandidateTookItGetsTheSameInterview_aRevokedOneIsSentAnew() {
        String taken = sendTest("ginny@hogwarts.example");
        takeTheTestFromItsEmail(taken);

        assertThat(sendTest("ginny@hogwarts.example")).as("a retry after the candidate submitted").isEqualTo(taken);
        assertThat(sendTest("GINNY@hogwarts.example ")).as("the same candidate, written differently").isEqualTo(taken);
        assertThat(api(recruiterToken()).get("/api/invitations?limit=50").expect(200).get("items")
                .valueStream().filter(i -> i.get("candidate").get("email").asString().equals("ginny@hogwarts.example"))
                .count()).as("no second invitation, so no retake email").isEqualTo(1);

        String revoked = greenhouse().post(BASE + "/send_test", with(sendTestBody("java-basics", "percy@hogwarts.example"),
                "url", CALLBACK.replace("/12345", "/24680"))).expect(200).get("partner_interview_id").asString();
        api(recruiterToken()).post("/api/invitations/" + revoked + "/revoke", "{\"reason\":\"wrong test\"}").expect(200);
        String resent = greenhouse().post(BASE + "/send_test", with(sendTestBody("java-basics", "percy@hogwarts.example"),
                "url", CALLBACK.replace("/12345", "/24680"))).expect(200).get("partner_interview_id").asString();
        assertThat(resent).as("a revoked test sent again is a new invitation").isNotEqualTo(revoked);
        assertThat(api(recruiterToken()).get("/api/invitations/" + resent).expect(200).get("status").asString())
                .isEqualTo("INVITED");
    }

    /** What the API description shows for send_test's url is a callback send_test accepts, not a 400. */
    @Test
    void theApiDescriptionsSendTestExampleNamesACallbackUrlSendTestAccepts() {
        String example = api(null).get("/v3/api-docs").expect(200).path("components").path("schemas")
                .path("SendTestRequest").path("properties").path("url").path("example").asString();

        JsonNode sent = greenhouse().post(BASE + "/send_test",
                with(sendTestBody("java-basics", "luna@hogwarts.example"), "url", example)).expect(200);
        assertThat(sent.get("partner_interview_id").asString()).startsWith("inv_");
    }

    @Test
    void aNumericPartnerTestIdAsInOneOfGreenhousesExamplesIsAccepted() {
        QUESTION_SERVICE.define(tenant, javaTest("12345", 20));

        JsonNode sent = greenhouse().post(BASE + "/send_test", sendTestBody(12345, "kate@example.com")).expect(200);

        JsonNode invitation = api(recruiterToken()).get("/api/invitations/"
                + sent.get("partner_interview_id").asString()).expect(200);
        assertThat(invitation.get("testId").asString()).isEqualTo("12345");
    }

    @Test
    void testStatusStaysIncompleteUntilTheResultIsFinalThenReportsScoreProfileAndMetadata() {
        String interviewId = sendTest("ada@example.org");
        JsonNode status = greenhouse().get(BASE + "/test_status?partner_interview_id=" + interviewId).expect(200);
        assertThat(status.propertyNames()).containsExactlyInAnyOrder("partner_status", "partner_profile_url",
                "partner_score", "metadata");
        assertThat(status.get("partner_status").asString()).isEqualTo("incomplete");
        assertThat(status.get("partner_score").isNull()).isTrue();
        assertThat(status.get("partner_profile_url").isNull()).as("nothing to look at before the candidate starts")
                .isTrue();

        String sessionId = takeTheTestFromItsEmail(interviewId);
        assertThat(greenhouse().get(BASE + "/test_status?partner_interview_id=" + interviewId).expect(200)
                .get("partner_status").asString()).as("submitted, not scored").isEqualTo("incomplete");
        Instant scoredAt = Instant.parse("2026-03-01T10:15:30Z");
        kafka.publish(EventEnvelope.of(new AssessmentScored(sessionId, interviewId, "java-basics", "Java basics",
                null, null, new BigDecimal("6"), 11, 54.5, 60, false, null, List.of(), scoredAt, true, 1), tenant,
                "corr-scored"));
        await().atMost(EVENT_WAIT).until(() -> api(recruiterToken()).get("/api/invitations/" + interviewId)
                .expect(200).has("score"));
        JsonNode provisional = greenhouse().get(BASE + "/test_status?partner_interview_id=" + interviewId).expect(200);
        assertThat(provisional.get("partner_status").asString()).as("a provisional score is not acted on")
                .isEqualTo("incomplete");
        assertThat(provisional.get("partner_score").isNull()).isTrue();
        assertThat(provisional.get("metadata").get("Status").asString()).isEqualTo("Awaiting review");

        kafka.publish(EventEnvelope.of(new AssessmentFinalized(sessionId, interviewId, "java-basics", "Java basics",
                null, null, new BigDecimal("7.5"), 11, 68.2, 60, true, 1, 0, "rita@example.com",
                scoredAt.plusSeconds(60)), tenant, "corr-final"));
        await().atMost(EVENT_WAIT).until(() -> "complete".equals(greenhouse()
                .get(BASE + "/test_status?partner_interview_id=" + interviewId).expect(200)
                .get("partner_status").asString()));

        JsonNode complete = greenhouse().get(BASE + "/test_status?partner_interview_id=" + interviewId).expect(200);
        assertThat(complete.get("partner_score").asDouble()).isEqualTo(68.2);
        assertThat(complete.get("partner_profile_url").asString())
                .as("the result's page in the recruiter console, which a Greenhouse user's browser can open "
                        + "(the API would answer 401 without a key)")
                .isEqualTo("https://hirepipe.test/console#/results/" + sessionId);
        JsonNode metadata = complete.get("metadata");
        assertThat(metadata.get("Test").asString()).isEqualTo("Java basics");
        assertThat(metadata.get("Points").asString()).isEqualTo("7.5/11");
        assertThat(metadata.get("Passed").asString()).isEqualTo("Yes");
        metadata.forEach(value -> assertThat(value.isValueNode()).as("flat, primitive values only").isTrue());

        // a reviewer changes the final result (notification-service then PATCHes Greenhouse again): the new score
        kafka.publish(EventEnvelope.of(new ScoreAdjusted(sessionId, "q-single", new BigDecimal("2"), "partly right",
                "rita@example.com", new BigDecimal("8.5"), 11, 77.3, true, scoredAt.plusSeconds(600),
                new BigDecimal("1"), "Single", false, 0, interviewId, "Java basics", null, "rita@example.com"),
                tenant, "corr-adjusted"));
        await().atMost(EVENT_WAIT).until(() -> greenhouse().get(BASE + "/test_status?partner_interview_id="
                + interviewId).expect(200).get("partner_score").asDouble() == 77.3);
        JsonNode changed = greenhouse().get(BASE + "/test_status?partner_interview_id=" + interviewId).expect(200);
        assertThat(changed.get("partner_status").asString()).isEqualTo("complete");
        assertThat(changed.get("metadata").get("Points").asString()).isEqualTo("8.5/11");
    }

    @Test
    void anotherTenantsInterviewAndAnInvitationNotSentByGreenhouseAreUnknown() {
        String interviewId = sendTest("ada@example.org");
        String otherTenant = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
        String otherKey = gateway.issue(Caller.platform(otherTenant, "key-2"), "assessment-service");

        api(otherKey).get(BASE + "/test_status?partner_interview_id=" + interviewId).problem(404, "not-found");

        String plain = invite("java-basics", "grace@example.org").get("id").asString();
        greenhouse().get(BASE + "/test_status?partner_interview_id=" + plain).problem(404, "not-found");
        greenhouse().get(BASE + "/test_status?partner_interview_id=inv_nope").problem(404, "not-found");
    }

    @Test
    void badSendTestBodiesAreRefusedNamingTheFieldAndCreateNothing() {
        Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
        bodies.put("partner_test_id", without(sendTestBody("java-basics", "a@example.org"), "partner_test_id"));
        bodies.put("partner_test_id ", sendTestBody(Map.of("id", 1), "a@example.org"));
        bodies.put("partner_test_id  ", sendTestBody("../../etc", "a@example.org"));
        bodies.put("candidate", without(sendTestBody("java-basics", "a@example.org"), "candidate"));
        bodies.put("candidate.email", sendTestBody("java-basics", "not-an-email"));
        bodies.put("candidate.email ", sendTestBody("java-basics", null));
        bodies.put("url", without(sendTestBody("java-basics", "a@example.org"), "url"));
        bodies.put("url ", with(sendTestBody("java-basics", "a@example.org"), "url",
                "http://app.greenhouse.io/integrations/testing_partners/take_home_tests/1"));
        bodies.put("url  ", with(sendTestBody("java-basics", "a@example.org"), "url",
                "https://169.254.169.254/latest/meta-data"));
        bodies.put("url   ", with(sendTestBody("java-basics", "a@example.org"), "url",
                "https://app.greenhouse.io.evil.example/x"));
        bodies.put("url    ", with(sendTestBody("java-basics", "a@example.org"), "url",
                "https://user:pw@app.greenhouse.io/x"));
        bodies.forEach((field, body) -> {
            JsonNode problem = greenhouse().post(BASE + "/send_test", body).problem(400, "invalid-request");
            assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                    .as("body for %s", field).contains(field.strip());
        });

        JsonNode unknown = greenhouse().post(BASE + "/send_test", sendTestBody("no-such-test", "a@example.org"))
                .problem(400, "invalid-request");
        assertThat(unknown.get("errors").get(0).get("field").asString()).isEqualTo("partner_test_id");
        JsonNode malformed = greenhouse().post(BASE + "/send_test", "{\"partner_test_id\": ").problem(400);
        assertThat(malformed.get("detail").asString()).containsIgnoringCase("malformed");
        assertThat(greenhouse().get(BASE + "/test_status").problem(400, "invalid-parameter").get("parameter")
                .asString()).isEqualTo("partner_interview_id");
        greenhouse().get(BASE + "/test_status?partner_interview_id=" + "x".repeat(101)).problem(400);
        greenhouse().post(BASE + "/send_test", List.of(sendTestBody("java-basics", "a@example.org"))).problem(400);

        assertThat(api(recruiterToken()).get("/api/invitations").expect(200).get("items").isEmpty())
                .as("no invitation from any refused send").isTrue();
    }

    @Test
    void sendTestBeforeARecruiterSetGreenhouseUpIsRefused() {
        String fresh = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
        QUESTION_SERVICE.define(fresh, javaTest("java-basics", 30));
        String key = gateway.issue(Caller.platform(fresh, "key-3"), "assessment-service");
        JsonNode unset = api(gateway.issue(Caller.user(fresh, "user-1", "ada@example.com", Role.ADMIN), "assessment-service")).get(BASE + "/settings").expect(200);
        assertThat(unset.get("reportTo").isNull()).isTrue();
        assertThat(unset.get("callbackKeyStored").asBoolean()).isFalse();

        api(key).post(BASE + "/send_test", sendTestBody("java-basics", "a@example.org"))
                .problem(422, "greenhouse-not-configured");
    }

    @Test
    void onlyAdminsSetGreenhouseUpAndTheReportAddressMustBeAnEmail() {
        greenhouse().put(BASE + "/settings", Map.of("reportTo", "x@example.org")).problem(403);
        greenhouse().get(BASE + "/settings").problem(403);
        api(recruiterToken()).put(BASE + "/settings", Map.of("reportTo", "x@example.org")).problem(403);
        api(recruiterToken()).get(BASE + "/settings").problem(403);
        api(adminToken()).put(BASE + "/settings", Map.of("reportTo", "not-an-email")).problem(400);

        api(adminToken()).put(BASE + "/settings", Map.of("reportTo", "hiring@acme.example",
                "callbackApiKey", "not a key")).problem(400);

        JsonNode settings = api(adminToken()).get(BASE + "/settings").expect(200);
        assertThat(settings.get("reportTo").asString()).isEqualTo("hiring@acme.example");
        assertThat(settings.get("callbackKeyStored").asBoolean()).isFalse();
    }

    @Test
    void theCallbackKeyIsStoredAndSentSealedForNotificationServiceOnly() {
        String key = "hp_ab12cd34_" + UUID.randomUUID().toString().replace("-", "");
        JsonNode saved = api(adminToken()).put(BASE + "/settings", Map.of("reportTo", "hiring@acme.example",
                "callbackApiKey", key)).expect(200);
        assertThat(saved.get("callbackKeyStored").asBoolean()).isTrue();
        assertThat(saved.toString()).doesNotContain(key);
        assertThat(mongo.findById(tenant, org.bson.Document.class, "greenhouse_settings").toJson()).doesNotContain(key);

        String interviewId = sendTest("ada@example.org");

        PartnerTestSent sent = (PartnerTestSent) awaitEvents("PartnerTestSent", interviewId).stream()
                .filter(r -> r.key().equals(interviewId)).findFirst().orElseThrow().envelope().payload();
        assertThat(sent.sealedCallbackKey()).doesNotContain(key);
        assertThat(TestLinkKeys.open(sent.sealedCallbackKey())).isEqualTo(key);
    }

    /**
     * The key is shown nowhere after it is stored, so an administrator changing the report address cannot send
     * it again: leaving it out keeps it, or every later Greenhouse test would be reported without it.
     */
    @Test
    void changingTheReportAddressLaterKeepsTheStoredCallbackKey() {
        String key = "hp_ab12cd34_" + UUID.randomUUID().toString().replace("-", "");
        api(adminToken()).put(BASE + "/settings", Map.of("reportTo", "hiring@acme.example", "callbackApiKey", key))
                .expect(200);

        JsonNode changed = api(adminToken()).put(BASE + "/settings", Map.of("reportTo", "talent@acme.example"))
                .expect(200);

        assertThat(changed.get("reportTo").asString()).isEqualTo("talent@acme.example");
        assertThat(changed.get("callbackKeyStored").asBoolean()).isTrue();
        String interviewId = sendTest("ada@example.org");
        PartnerTestSent sent = (PartnerTestSent) awaitEvents("PartnerTestSent", interviewId).stream()
                .filter(r -> r.key().equals(interviewId)).findFirst().orElseThrow().envelope().payload();
        assertThat(TestLinkKeys.open(sent.sealedCallbackKey())).as("the key Greenhouse expects on the PATCH")
                .isEqualTo(key);
        assertThat(api(recruiterToken()).get("/api/invitations/" + interviewId).expect(200)
                .get("recruiterEmail").asString()).isEqualTo("talent@acme.example");

        String next = "hp_ef56ab78_" + UUID.randomUUID().toString().replace("-", "");
        api(adminToken()).put(BASE + "/settings", Map.of("reportTo", "talent@acme.example", "callbackApiKey", next))
                .expect(200);
        String second = sendTest("grace@example.org");
        PartnerTestSent replaced = (PartnerTestSent) awaitEvents("PartnerTestSent", second).stream()
                .filter(r -> r.key().equals(second)).findFirst().orElseThrow().envelope().payload();
        assertThat(TestLinkKeys.open(replaced.sealedCallbackKey())).as("a new key replaces it").isEqualTo(next);
    }

    /**
     * Two administrators saving at once, one a new callback key and the other only the report address: the new key
     * is kept, whichever write lands last. (Reading the stored key and writing it back with the address put the old
     * key back over the new one, which every later completion call then sent.)
     */
    @Test
    void aNewCallbackKeySavedWhileAnotherAdminChangesTheReportAddressIsKept() throws Exception {
        for (int round = 0; round < 15; round++) {
            String key = "hp_ab12cd34_" + UUID.randomUUID().toString().replace("-", "");
            AtOnce.run(4, admin -> () -> api(adminToken()).put(BASE + "/settings", admin == 0
                    ? Map.of("reportTo", "hiring@acme.example", "callbackApiKey", key)
                    : Map.of("reportTo", "talent@acme.example")).expect(200));
            String stored = mongo.findById(tenant, org.bson.Document.class, "greenhouse_settings")
                    .getString("sealedCallbackKey");
            assertThat(TestLinkKeys.open(stored)).as("round %d", round).isEqualTo(key);
        }
    }


    @Test
    void greenhousesErrorReportIsAcknowledgedAndABadOneIsAProblem() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("api_call", "test_status");
        report.put("errors", List.of("partner_status is 'complete' but partner_profile url is missing"));
        report.put("partner_test_id", "java-basics");
        report.put("partner_test_name", "Java basics");
        report.put("partner_interview_id", "inv_x");
        report.put("candidate_email", "kate_austen@example.com");

        HttpApi.Response acknowledged = greenhouse().post(BASE + "/response_error", report);

        assertThat(acknowledged.status()).isEqualTo(200);
        greenhouse().post(BASE + "/response_error", Map.of("errors", List.of("x"))).problem(400);
        greenhouse().post(BASE + "/response_error", Map.of("api_call", "list_tests", "errors", "not a list"))
                .problem(400);
    }

    /** Greenhouse's error texts come from outside and may quote the candidate: the log keeps the cause, not them. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void greenhousesErrorReportIsLoggedWithoutTheAddressesItQuotes(CapturedOutput output) {
        String quoted = "kate_austen-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("api_call", "send_test");
        report.put("errors", List.of("candidate <" + quoted + "> already has a take-home test"));
        report.put("candidate_email", quoted);

        assertThat(greenhouse().post(BASE + "/response_error", report).status()).isEqualTo(200);

        assertThat(output).contains("Greenhouse could not use our send_test answer")
                .contains("candidate <[address]> already has a take-home test").doesNotContain(quoted);
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(field);
        return copy;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
