package io.hirepipe.question.template;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.hirepipe.testkit.OpenApiAssertions.assertDocumentsRefusal;
import static io.hirepipe.testkit.OpenApiAssertions.assertDocumentsStatus;
import static io.hirepipe.question.support.Questions.singleChoice;
import static io.hirepipe.question.support.Questions.with;
import static org.assertj.core.api.Assertions.assertThat;

class TestDraftsAndPoolsTest extends IntegrationTestBase {

    private Caller assessmentService() {
        return Caller.service(tenant, "assessment-service");
    }

    private String published(String title, String category, int difficulty) {
        return createPublishedQuestion(recruiter, with(with(singleChoice(title), "category", category),
                "difficulty", difficulty)).get("id").asString();
    }

    private static Map<String, Object> test(String title, boolean draft, List<Map<String, Object>> sections) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("instructions", "Read each question **carefully**.");
        body.put("durationMinutes", 30);
        body.put("passMarkPercent", 60);
        body.put("sections", sections);
        body.put("draft", draft);
        return body;
    }

    private static Map<String, Object> fixed(String title, String... ids) {
        return Map.of("title", title, "questionIds", List.of(ids));
    }

    private static Map<String, Object> pool(String title, String category, int min, int max, int count) {
        return Map.of("title", title, "pool", Map.of("category", category, "difficultyMin", min,
                "difficultyMax", max, "count", count));
    }

    private List<String> deliveredIds(String testId, String sessionId) {
        List<String> ids = new ArrayList<>();
        api(assessmentService()).get("/api/tests/" + testId + "/delivery?sessionId=" + sessionId).expect(200)
                .get("questions").forEach(q -> ids.add(q.get("questionId").asString() + "@" + q.get("version").asInt()));
        return ids;
    }

    @Test
    void aDraftIsEditedInPlaceAndPublishingFreezesAVersionThatLaterEditsDoNotChange() {
        String a = published("A", "databases", 2);
        String b = published("B", "databases", 3);
        JsonNode draft = api(recruiter).post("/api/tests", test("Screen", true, List.of(fixed("s", a)))).expect(201);
        String id = draft.get("id").asString();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("instructions").asString()).isEqualTo("Read each question **carefully**.");
        api(assessmentService()).get("/api/tests/" + id + "/delivery").problem(409, "test-not-published");

        JsonNode edited = api(recruiter).put("/api/tests/" + id, test("Screen v1", true, List.of(fixed("s", a, b))))
                .expect(200);
        assertThat(edited.get("version").asInt()).isEqualTo(1);
        assertThat(edited.get("questionCount").asInt()).isEqualTo(2);

        JsonNode published = api(recruiter).post("/api/tests/" + id + "/publish", null).expect(200);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.get("publishedVersion").asInt()).isEqualTo(1);
        List<String> v1 = deliveredIds(id, "s-1");

        // Editing the published test starts version 2 as a draft; sessions still get version 1.
        JsonNode v2 = api(recruiter).put("/api/tests/" + id, test("Screen v2", true, List.of(fixed("s", b)))).expect(200);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("status").asString()).isEqualTo("DRAFT");
        assertThat(deliveredIds(id, "s-2")).isEqualTo(v1).hasSize(2);
        JsonNode delivery = api(assessmentService()).get("/api/tests/" + id + "/delivery?sessionId=s-3").expect(200);
        assertThat(delivery.get("title").asString()).isEqualTo("Screen v1");
        assertThat(delivery.get("testVersion").asInt()).isEqualTo(1);

        api(recruiter).post("/api/tests/" + id + "/publish", null).expect(200);
        assertThat(deliveredIds(id, "s-4")).containsExactly(b + "@1");
    }

    @Test
    void whatAnInvitationAnnouncesIsThePublishedVersionNotADraftBeingEdited() {
        String a = published("A", "databases", 2);
        String b = published("B", "databases", 3);
        String id = api(recruiter).post("/api/tests", test("Screen", false, List.of(fixed("s", a)))).expect(201)
                .get("id").asString();
        Map<String, Object> longer = test("Screen, longer", true, List.of(fixed("s", a, b)));
        longer.put("durationMinutes", 45);
        longer.put("instructions", "Take your time.");
        api(recruiter).put("/api/tests/" + id, longer).expect(200);

        // Recruiters read the draft they are editing; assessment-service announces what a session would start from.
        assertThat(api(recruiter).get("/api/tests/" + id).expect(200).get("durationMinutes").asInt()).isEqualTo(45);
        JsonNode offered = api(assessmentService()).get("/api/tests/" + id + "/published").expect(200);
        assertThat(offered.get("title").asString()).isEqualTo("Screen");
        assertThat(offered.get("durationMinutes").asInt()).isEqualTo(30);
        assertThat(offered.get("instructions").asString()).isEqualTo("Read each question **carefully**.");
        assertThat(offered.get("questionCount").asInt()).isEqualTo(1);
        assertThat(offered.get("version").asInt()).isEqualTo(1);
        assertThat(offered.get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(offered.get("status").asString()).as("the test is still being edited").isEqualTo("DRAFT");

        String neverPublished = api(recruiter).post("/api/tests", test("Draft", true, List.of(fixed("s", a))))
                .expect(201).get("id").asString();
        api(assessmentService()).get("/api/tests/" + neverPublished + "/published").problem(409, "test-not-published");
        api(assessmentService()).get("/api/tests/t_unknown/published").problem(404);
        api(recruiter).get("/api/tests/" + id + "/published").problem(403);
    }

    @Test
    void poolsAreDrawnPerSessionReproduciblyFromPublishedQuestionsOnly() {
        Set<String> eligible = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            eligible.add(published("DB " + i, "databases", 2 + i % 3));
        }
        published("Too easy", "databases", 1);
        published("Other topic", "security", 3);
        String retired = published("Retired", "databases", 3);
        api(recruiter).post("/api/questions/" + retired + "/retire", null).expect(200);
        createQuestion(recruiter, with(with(singleChoice("Draft only"), "category", "databases"), "difficulty", 3));

        JsonNode test = api(recruiter).post("/api/tests", with(test("Pooled", false,
                List.of(pool("Databases", "databases", 2, 4, 3))), "shuffleQuestions", true)).expect(201);
        String id = test.get("id").asString();
        assertThat(test.get("sections").get(0).get("pool").get("count").asInt()).isEqualTo(3);

        Set<List<String>> draws = new HashSet<>();
        for (int s = 0; s < 8; s++) {
            List<String> draw = deliveredIds(id, "session-" + s);
            assertThat(draw).hasSize(3).doesNotHaveDuplicates();
            assertThat(draw).allSatisfy(q -> assertThat(eligible).contains(q.substring(0, q.indexOf('@'))));
            assertThat(deliveredIds(id, "session-" + s)).as("reproducible from the session id").isEqualTo(draw);
            draws.add(draw);
        }
        assertThat(draws).as("different sessions draw differently").hasSizeGreaterThan(1);
        JsonNode delivery = api(assessmentService()).get("/api/tests/" + id + "/delivery?sessionId=x").expect(200);
        assertThat(delivery.get("perSession").asBoolean()).isTrue();
        assertThat(delivery.get("drawnFromPools").asBoolean()).as("told to item analysis via the submission").isTrue();
        api(assessmentService()).get("/api/tests/" + id + "/delivery").problem(400, "session-id-required");
    }

    @Test
    void aPoolThatCannotBeFilledIsRefusedNamingTheRuleAndNothingIsStored() {
        published("Only one", "databases", 3);

        HttpApi.Response shortPool = api(recruiter).post("/api/tests",
                test("Short", false, List.of(pool("Databases", "databases", 2, 4, 3))));
        JsonNode problem = shortPool.problem(422, "pool-cannot-be-filled");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("sections[0].pool");
        assertThat(problem.get("detail").asString()).contains("draw 3 from category 'databases', difficulty 2-4")
                .contains("only 1");

        HttpApi.Response impossible = api(recruiter).post("/api/tests",
                test("Impossible", true, List.of(pool("Databases", "databases", 4, 2, 1))));
        assertThat(impossible.problem(400).get("errors").get(0).get("field").asString())
                .isEqualTo("sections[0].pool.difficultyMin");
        HttpApi.Response outOfRange = api(recruiter).post("/api/tests",
                test("Out of range", true, List.of(pool("Databases", "databases", 0, 9, 1))));
        assertThat(outOfRange.problem(400).toString()).contains("sections[0].pool.difficulty");

        // A draft may hold a pool the bank cannot fill yet; publishing it is refused.
        String draft = api(recruiter).post("/api/tests", test("Later", true,
                List.of(pool("Databases", "databases", 2, 4, 3)))).expect(201).get("id").asString();
        api(recruiter).post("/api/tests/" + draft + "/publish", null).problem(422, "pool-cannot-be-filled");
        assertThat(api(recruiter).get("/api/tests/" + draft).expect(200).get("status").asString()).isEqualTo("DRAFT");

        List<String> titles = new ArrayList<>();
        api(recruiter).get("/api/tests").expect(200).get("items").forEach(t -> titles.add(t.get("title").asString()));
        assertThat(titles).containsExactly("Later");
    }

    @Test
    void aDraftCanBeDeletedAPublishedTestOnlyRetired() {
        String q = published("Q", "apis", 2);
        String draft = api(recruiter).post("/api/tests", test("Draft", true, List.of(fixed("s", q))))
                .expect(201).get("id").asString();
        String live = api(recruiter).post("/api/tests", test("Live", false, List.of(fixed("s", q))))
                .expect(201).get("id").asString();

        assertThat(api(recruiter).delete("/api/tests/" + draft).status()).isEqualTo(204);
        assertDocumentsStatus(api(null).get("/v3/api-docs").expect(200), "DELETE", "/api/tests/" + draft, 204);
        api(recruiter).get("/api/tests/" + draft).problem(404);

        JsonNode published = api(recruiter).delete("/api/tests/" + live).problem(409, "test-published");
        assertDocumentsRefusal(api(null).get("/v3/api-docs").expect(200), "DELETE", "/api/tests/" + live, published);
        assertThat(api(recruiter).post("/api/tests/" + live + "/retire", null).expect(200).get("status").asString())
                .isEqualTo("RETIRED");
        api(recruiter).put("/api/tests/" + live, test("Edit", true, List.of(fixed("s", q)))).problem(409, "test-retired");
        assertThat(api(recruiter).get("/api/tests?status=RETIRED").expect(200).get("items")).hasSize(1);
    }

    @Test
    void staleIfMatchOnATestIsRefusedWith412() {
        String q = published("Q", "apis", 2);
        String id = api(recruiter).post("/api/tests", test("Draft", true, List.of(fixed("s", q))))
                .expect(201).get("id").asString();
        String etag = api(recruiter).get("/api/tests/" + id).header("ETag").orElseThrow();
        api(recruiter).withHeader("If-Match", etag).put("/api/tests/" + id, test("Edited", true, List.of(fixed("s", q))))
                .expect(200);

        JsonNode stale = api(recruiter).withHeader("If-Match", etag).post("/api/tests/" + id + "/publish", null)
                .problem(412, "precondition-failed");
        assertDocumentsRefusal(api(null).get("/v3/api-docs").expect(200), "POST", "/api/tests/" + id + "/publish", stale);
        assertThat(api(recruiter).get("/api/tests/" + id).expect(200).get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void testsArePagedByCursorAndSearchedByWords() {
        String q = published("Q", "apis", 2);
        for (int i = 0; i < 5; i++) {
            api(recruiter).post("/api/tests", test("Screen number " + i, false, List.of(fixed("s", q)))).expect(201);
        }
        JsonNode first = api(recruiter).get("/api/tests?limit=2").expect(200);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        JsonNode second = api(recruiter).get("/api/tests?limit=2&cursor=" + first.get("nextCursor").asString())
                .expect(200);
        assertThat(second.get("items").get(0).get("id")).isNotEqualTo(first.get("items").get(1).get("id"));
        assertThat(api(recruiter).get("/api/tests?q=number%203").expect(200).get("items")).hasSize(1);
        assertThat(api(recruiter).get("/api/tests?cursor=bm90LWEtY3Vyc29y").problem(400).toString()).contains("cursor");
    }
}
