package io.hirepipe.scoring.analysis;

import io.hirepipe.testkit.OpenApiAssertions;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.scoring.ScoringServiceTest;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.hirepipe.scoring.TestEvents.envelope;
import static io.hirepipe.scoring.TestEvents.id;
import static io.hirepipe.scoring.TestEvents.multiChoicePartial;
import static io.hirepipe.scoring.TestEvents.singleChoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Sessions scored from real Kafka events into MongoDB, then analysed through the API.
 *
 * <p>Test version 2 has two questions: S, single choice worth 2 (options a, b, c; key b) and M, multiple
 * choice worth 3 with partial credit (options a, b, c; key a + c). Four sessions:
 * <pre>
 *   session  S picked  S pts  M picked  M pts  total  percent
 *   1        b         2      a c       3      5      100
 *   2        b         2      a         1.5    3.5     70
 *   3        a         0      a c       3      3       60
 *   4        a         0      (blank)   0      0        0
 * </pre>
 * A fifth session of another test (version not stated, so version 1) has S only, picked b.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemAnalysisApiTest extends ScoringServiceTest {

    private static final String ACME = id("tenant-analysis-acme");
    private static final String GLOBEX = id("tenant-analysis-globex");
    private static final Caller RECRUITER = Caller.recruiter(ACME, "user-1", "rita@acme.example");
    private static final Caller PLATFORM = Caller.platform(ACME, "key-1");
    private static final Caller GLOBEX_RECRUITER = Caller.recruiter(GLOBEX, "user-9", "gus@globex.example");

    private final String test = id("test-analysis");
    private final String otherTest = id("test-other");
    private final String single = id("q-s");
    private final String multi = id("q-m");
    private final EventTopics kafka = EventTopics.shared();

    @BeforeAll
    void scoreFiveSessions() {
        kafka.publish(envelope(singleChoice(single, 1, "b"), ACME));
        kafka.publish(envelope(multiChoicePartial(multi, 1), ACME));
        List<String> sessions = List.of(
                submit(test, 2, answer(single, "b"), answer(multi, "a", "c")),
                submit(test, 2, answer(single, "b"), answer(multi, "a")),
                submit(test, 2, answer(single, "a"), answer(multi, "a", "c")),
                submit(test, 2, answer(single, "a"), answer(multi)),
                submit(otherTest, null, answer(single, "b")));
        HttpApi api = api(RECRUITER);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                sessions.stream().allMatch(s -> api.get("/api/results/" + s).status() == 200));
    }

    @Test
    void aRecruiterReadsTheTestVersionsAnalysis() {
        JsonNode body = api(RECRUITER).get("/api/analysis/tests/" + test + "/versions/2").expect(200);

        assertThat(body.path("testId").asString()).isEqualTo(test);
        assertThat(body.path("testVersion").asInt()).isEqualTo(2);
        assertThat(body.path("results").asInt()).isEqualTo(4);
        assertThat(body.path("questionSelection").path("mode").asString()).isEqualTo("FIXED");
        assertThat(body.path("questionSelection").path("basis").asString()).as("the submissions said so")
                .isEqualTo("SUBMISSIONS");
        // percents 100, 70, 60, 0: mean 57.5, median (70 + 60)/2 = 65
        JsonNode distribution = body.path("scoreDistribution");
        assertThat(distribution.path("count").asInt()).isEqualTo(4);
        assertThat(distribution.path("meanPercent").asDouble()).isCloseTo(57.5, within(1e-9));
        assertThat(distribution.path("medianPercent").asDouble()).isCloseTo(65, within(1e-9));
        assertThat(distribution.path("histogram").get(0).path("count").asInt()).isEqualTo(1);
        /*
         * alpha = 2/1 × (1 − (var S + var M) / var total), sample variances:
         * S 2 2 0 0 → 4/3; M 3 1.5 3 0 → 6.1875/3 = 2.0625; totals 5 3.5 3 0 → 13.1875/3 = 4.395833
         * → 2 × (1 − 3.395833/4.395833) = 0.454976 (M has half points: Cronbach's alpha, not KR-20)
         */
        assertThat(body.path("reliability").path("coefficient").asString()).isEqualTo("CRONBACH_ALPHA");
        assertThat(body.path("reliability").path("value").asDouble()).isCloseTo(0.454976, within(1e-6));

        JsonNode s = item(body, single);
        assertThat(s.path("responses").asInt()).isEqualTo(4);
        assertThat(s.path("facility").asDouble()).as("4 of 8 points").isCloseTo(0.5, within(1e-9));
        /*
         * S against the rest (M as a percent of 3): x 2 2 0 0, rest 100 50 100 0;
         * Σdx·dy = 37.5 − 12.5 − 37.5 + 62.5 = 50, Σdx² = 4, Σdy² = 6875 → r = 50/√27500 = 0.301511
         */
        assertThat(s.path("discrimination").asDouble()).isCloseTo(0.301511, within(1e-6));
        assertThat(options(s)).containsExactly("a:2:false", "b:2:false", "c:0:true");
        assertThat(s.path("options").values()).extracting(o -> o.path("text").asString())
                .as("each option in the words candidates read").containsExactly("SELECT queries",
                        "INSERT, UPDATE and DELETE", "Nothing");
        assertThat(s.path("flags").values()).extracting(JsonNode::asString)
                .containsExactly("NEVER_CHOSEN_DISTRACTOR");

        JsonNode m = item(body, multi);
        assertThat(m.path("facility").asDouble()).as("7.5 of 12 points").isCloseTo(0.625, within(1e-9));
        assertThat(m.path("unanswered").asInt()).isEqualTo(1);
        assertThat(options(m)).containsExactly("a:3:false", "b:0:true", "c:2:false");
        assertThat(body.toString()).as("aggregates only").doesNotContain("ada@example.org").doesNotContain("Ada");
    }

    @Test
    void aPlatformClientReadsAQuestionAcrossTests() {
        JsonNode body = api(PLATFORM).get("/api/analysis/questions/" + single + "/versions/1").expect(200);

        JsonNode item = body.path("item");
        assertThat(item.path("questionId").asString()).isEqualTo(single);
        assertThat(item.path("kind").asString()).isEqualTo("SINGLE_CHOICE");
        assertThat(item.path("responses").asInt()).isEqualTo(5);
        assertThat(item.path("facility").asDouble()).as("6 of 10 points").isCloseTo(0.6, within(1e-9));
        assertThat(item.path("pointsDistribution").values())
                .extracting(band -> band.path("points").asDouble() + "x" + band.path("responses").asInt())
                .as("three right (2 points each), two wrong").containsExactly("0.0x2", "2.0x3");
        assertThat(item.path("discrimination").asDouble()).as("the one-question session has no rest score")
                .isCloseTo(0.301511, within(1e-6));
        assertThat(body.path("tests").values())
                .extracting(t -> t.path("testId").asString() + "@" + t.path("testVersion").asInt() + "="
                        + t.path("responses").asInt())
                .containsExactlyInAnyOrder(test + "@2=4", otherTest + "@1=1");
    }

    @Test
    void sessionsThatDidNotNameATestVersionAreVersionOne() {
        JsonNode body = api(RECRUITER).get("/api/analysis/tests/" + otherTest + "/versions/1").expect(200);

        assertThat(body.path("results").asInt()).isEqualTo(1);
        assertThat(body.path("reliability").isNull()).as("one session, one item").isTrue();
        assertThat(body.path("reliabilityNote").asString()).contains("at least two sessions");
        assertThat(body.path("questionSelection").path("basis").asString())
                .isEqualTo("SAME_QUESTIONS_IN_EVERY_RESULT");
    }

    @Test
    void anotherTenantsTestAndQuestionDoNotExist() {
        HttpApi globex = api(GLOBEX_RECRUITER);
        assertThat(globex.get("/api/analysis/tests/" + test + "/versions/2").problem(404)).isNotNull();
        assertThat(globex.get("/api/analysis/questions/" + single + "/versions/1").problem(404)).isNotNull();
    }

    @Test
    void anUnknownVersionOrTestIsA404Problem() {
        JsonNode problem = api(RECRUITER).get("/api/analysis/tests/" + test + "/versions/3").problem(404);
        assertThat(problem.path("detail").asString()).contains(test).contains("version 3");
        api(RECRUITER).get("/api/analysis/tests/no-such-test/versions/1").problem(404);
        api(RECRUITER).get("/api/analysis/questions/" + single + "/versions/2").problem(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1.5", "1000001", "99999999999"})
    void aBadVersionIsA400ProblemNamingIt(String version) {
        for (String path : List.of("/api/analysis/tests/" + test + "/versions/" + version,
                "/api/analysis/questions/" + single + "/versions/" + version)) {
            HttpApi.Response response = api(RECRUITER).get(path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().path("detail").asString()).as("names the parameter").contains("version");
        }
    }

    @Test
    void aVersionThatIsNotAWholeNumberIsAnInvalidParameter() {
        JsonNode problem = api(RECRUITER).get("/api/analysis/tests/" + test + "/versions/abc")
                .problem(400, "invalid-parameter");

        assertThat(problem.get("parameter").asString()).isEqualTo("version");
        assertThat(problem.get("detail").asString()).isEqualTo("Parameter 'version' must be a whole number.");
        assertThat(api(RECRUITER).get("/api/analysis/questions/" + single + "/versions/0")
                .problem(400, "invalid-request").get("parameter").asString()).isEqualTo("version");
    }

    @Test
    void anOverlongIdIsA400Problem() {
        HttpApi.Response response = api(RECRUITER).get("/api/analysis/tests/" + "x".repeat(101) + "/versions/1");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(api(RECRUITER).get("/api/analysis/questions/" + "x".repeat(101) + "/versions/1").status())
                .isEqualTo(400);
    }

    @Test
    void candidatesServicesAndAnonymousCallersMayNotRead() {
        String path = "/api/analysis/tests/" + test + "/versions/2";
        assertThat(api(Caller.candidate(ACME, "inv-1")).get(path).status()).isEqualTo(403);
        assertThat(api(Caller.service(ACME, "assessment-service")).get(path).status()).isEqualTo(403);
        assertThat(api(null).get(path).status()).isEqualTo(401);
    }

    @Test
    void bothOperationsAreDescribedForTheGatewaysDocument() {
        JsonNode paths = api(null).get("/v3/api-docs").expect(200).path("paths");

        assertThat(paths.has("/api/analysis/tests/{testId}/versions/{version}")).isTrue();
        assertThat(paths.has("/api/analysis/questions/{questionId}/versions/{version}")).isTrue();
    }

    @Test
    void everyOperationHasASummaryExamplesAndProblemExamples() {
        OpenApiAssertions.assertEveryOperationIsDescribed(api(null).get("/v3/api-docs").expect(200));
    }

    private static JsonNode item(JsonNode analysis, String questionId) {
        return analysis.path("items").values().stream()
                .filter(i -> i.path("questionId").asString().equals(questionId)).findFirst().orElseThrow();
    }

    private static List<String> options(JsonNode item) {
        return item.path("options").values().stream().map(o -> o.path("optionId").asString() + ":"
                + o.path("picks").asInt() + ":" + o.path("neverChosenDistractor").asBoolean()).toList();
    }

    private static SubmittedAnswer answer(String questionId, String... picked) {
        return new SubmittedAnswer(questionId, 1, List.of(picked), null, null);
    }

    private String submit(String testId, Integer testVersion, SubmittedAnswer... answers) {
        String sessionId = id("ses");
        kafka.publish(envelope(new AssessmentSubmitted(sessionId, id("inv"), testId, "Backend basics",
                new Person("Ada Lovelace", "ada@example.org"), "rita@acme.example", 50, SubmitReason.CANDIDATE,
                Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:40:00Z"), List.of(answers),
                testVersion, testVersion == null ? null : false, null, null, null), ACME));
        return sessionId;
    }
}
