package io.hirepipe.question.template;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.hirepipe.question.support.Questions.freeText;
import static io.hirepipe.question.support.Questions.multiChoice;
import static io.hirepipe.question.support.Questions.singleChoice;
import static io.hirepipe.question.support.Questions.with;
import static org.assertj.core.api.Assertions.assertThat;

class TestTemplateApiTest extends IntegrationTestBase {

    private Caller assessmentService() {
        return Caller.service(tenant, "assessment-service");
    }

    private static Map<String, Object> test(String title, List<Map<String, Object>> sections) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("description", "Backend engineer screening");
        body.put("durationMinutes", 45);
        body.put("passMarkPercent", 60);
        body.put("sections", sections);
        return body;
    }

    private static Map<String, Object> section(String title, String... questionIds) {
        return Map.of("title", title, "questionIds", List.of(questionIds));
    }

    private String publishedId(Map<String, Object> question) {
        return createPublishedQuestion(recruiter, question).get("id").asString();
    }

    @Test
    void aTestPinsTheCurrentPublishedVersionOfEachQuestion() {
        String choice = publishedId(singleChoice("Traffic spike"));
        String text = publishedId(freeText("SQL or NoSQL"));
        // A newer draft does not change what a new test pins: the published version 1.
        api(recruiter).put("/api/questions/" + text, freeText("SQL or NoSQL, reworded"));

        HttpApi.Response created = api(recruiter).post("/api/tests", test("Backend screen", List.of(
                section("Scaling", choice), section("Databases", text))));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.location()).hasValue("/api/tests/" + id);
        assertThat(body.get("title").asString()).isEqualTo("Backend screen");
        assertThat(body.get("description").asString()).isEqualTo("Backend engineer screening");
        assertThat(body.get("durationMinutes").asInt()).isEqualTo(45);
        assertThat(body.get("passMarkPercent").asInt()).isEqualTo(60);
        assertThat(body.get("totalPoints").asInt()).isEqualTo(2 + 5);
        assertThat(body.get("createdAt").asString()).isNotBlank();
        assertThat(body.get("sections").toString()).isEqualTo("[{\"title\":\"Scaling\",\"questions\":[{\"questionId\":\""
                + choice + "\",\"version\":1}]},{\"title\":\"Databases\",\"questions\":[{\"questionId\":\"" + text
                + "\",\"version\":1}]}]");

        assertThat(api(recruiter).get("/api/tests/" + id).json()).isEqualTo(body);
        assertThat(api(assessmentService()).get("/api/tests/" + id).json())
                .as("assessment-service reads test metadata when inviting").isEqualTo(body);
    }

    @Test
    void listIsTheTenantsTestsNewestFirst() {
        String question = publishedId(singleChoice("q"));
        String first = api(recruiter).post("/api/tests", test("First", List.of(section("s", question))))
                .json().get("id").asString();
        String second = api(Caller.platform(tenant, "key-1")).post("/api/tests",
                test("Second", List.of(section("s", question)))).json().get("id").asString();

        HttpApi.Response list = api(recruiter).get("/api/tests");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().propertyNames()).as("a list is an object with its paging members")
                .containsExactlyInAnyOrder("items", "nextCursor", "hasMore");
        assertThat(list.json().get("items").valueStream().map(t -> t.get("id").asString()).toList())
                .containsExactly(second, first);
        assertThat(api(recruiter).get("/api/tests?limit=1").json().get("items")).hasSize(1);
        assertThat(api(Caller.recruiter(newTenant(), "u", null)).get("/api/tests").json().get("items")).isEmpty();
    }

    @Test
    void everyQuestionMustBePublishedAndTheProblemNamesTheOthers() {
        String published = publishedId(singleChoice("ok"));
        String draft = createQuestion(recruiter, multiChoice("draft")).get("id").asString();
        String retired = publishedId(freeText("retired"));
        api(recruiter).post("/api/questions/" + retired + "/retire", null);
        String otherTenants = createPublishedQuestion(Caller.recruiter(newTenant(), "u", null), singleChoice("theirs"))
                .get("id").asString();

        HttpApi.Response response = api(recruiter).post("/api/tests", test("Mixed", List.of(
                section("one", published, draft), section("two", "q_nope", retired, otherTenants))));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).endsWith("/questions-not-usable");
        assertThat(ids(problem.get("unknownQuestionIds"))).containsExactly("q_nope", otherTenants);
        assertThat(ids(problem.get("unpublishedQuestionIds"))).containsExactly(draft);
        assertThat(ids(problem.get("retiredQuestionIds"))).containsExactly(retired);
        assertThat(problem.get("detail").asString()).contains(draft, retired, "q_nope").doesNotContain(published);
        assertThat(api(recruiter).get("/api/tests").json().get("items")).as("nothing was created").isEmpty();
    }

    @Test
    void theDeliveryHasThePinnedVersionsWithoutAnswerKeysOrRubrics() {
        String choice = publishedId(singleChoice("Traffic spike"));
        String text = publishedId(freeText("SQL or NoSQL"));
        String id = api(recruiter).post("/api/tests", test("Backend screen", List.of(
                section("Scaling", choice), section("Databases", text)))).json().get("id").asString();
        // Version 2 is published after the test was created: the test keeps delivering version 1.
        api(recruiter).put("/api/questions/" + choice, singleChoice("Traffic spike, v2"));
        api(recruiter).post("/api/questions/" + choice + "/publish", null);

        HttpApi.Response response = api(assessmentService()).get("/api/tests/" + id + "/delivery");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode delivery = response.json();
        assertThat(delivery.get("testId").asString()).isEqualTo(id);
        assertThat(delivery.get("title").asString()).isEqualTo("Backend screen");
        assertThat(delivery.get("durationMinutes").asInt()).isEqualTo(45);
        assertThat(delivery.get("passMarkPercent").asInt()).isEqualTo(60);
        JsonNode first = delivery.at("/questions/0");
        assertThat(first.get("questionId").asString()).isEqualTo(choice);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("kind").asString()).isEqualTo("SINGLE_CHOICE");
        assertThat(first.get("title").asString()).isEqualTo("Traffic spike");
        assertThat(first.get("prompt").asString()).contains("10x");
        assertThat(first.get("options")).hasSize(3);
        assertThat(first.get("maxPoints").asInt()).isEqualTo(2);
        JsonNode second = delivery.at("/questions/1");
        assertThat(second.get("questionId").asString()).isEqualTo(text);
        assertThat(second.get("kind").asString()).isEqualTo("FREE_TEXT");
        assertThat(second.get("maxPoints").asInt()).isEqualTo(5);
        assertThat(delivery.get("questions")).hasSize(2);
        assertThat(response.body()).doesNotContain("correctOptionIds", "rubric", "keyPoints", "phrases",
                "relational", "transactions");

        String newer = api(recruiter).post("/api/tests", test("Newer", List.of(section("s", choice))))
                .json().get("id").asString();
        assertThat(api(assessmentService()).get("/api/tests/" + newer + "/delivery").json()
                .at("/questions/0/version").asInt()).isEqualTo(2);
    }

    @Test
    void theDeliveryStaysAvailableAfterItsQuestionIsRetired() {
        String question = publishedId(singleChoice("Soon retired"));
        String id = api(recruiter).post("/api/tests", test("t", List.of(section("s", question))))
                .json().get("id").asString();
        api(recruiter).post("/api/questions/" + question + "/retire", null);

        HttpApi.Response delivery = api(assessmentService()).get("/api/tests/" + id + "/delivery");

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.json().at("/questions/0/title").asString()).isEqualTo("Soon retired");
    }

    @Test
    void onlyServicesGetTheDelivery() {
        String id = api(recruiter).post("/api/tests", test("t", List.of(section("s", publishedId(singleChoice("q"))))))
                .json().get("id").asString();

        api(recruiter).get("/api/tests/" + id + "/delivery").problem(403);
        api(Caller.platform(tenant, "key-1")).get("/api/tests/" + id + "/delivery").problem(403);
        api(Caller.candidate(tenant, "inv-1")).get("/api/tests/" + id + "/delivery").problem(403);
        api(Caller.candidate(tenant, "inv-1")).get("/api/tests/" + id).problem(403);
        api(assessmentService()).post("/api/tests", test("t", List.of(section("s", "q")))).problem(403);
        api(null).get("/api/tests/" + id + "/delivery").problem(401);
        api(null).get("/api/tests").problem(401);
    }

    @Test
    void unknownAndOtherTenantsTestsAreNotFound() {
        String id = api(recruiter).post("/api/tests", test("t", List.of(section("s", publishedId(singleChoice("q"))))))
                .json().get("id").asString();
        String stranger = newTenant();

        api(recruiter).get("/api/tests/t_nope").problem(404);
        api(assessmentService()).get("/api/tests/t_nope/delivery").problem(404);
        api(Caller.recruiter(stranger, "u", null)).get("/api/tests/" + id).problem(404);
        api(Caller.service(stranger, "assessment-service")).get("/api/tests/" + id + "/delivery").problem(404);
    }

    @Test
    void badTestDefinitionsAreRejectedNamingTheField() {
        String q = publishedId(singleChoice("q"));

        assertThat(fields(api(recruiter).post("/api/tests", with(test("t", List.of(section("s", q))),
                "durationMinutes", 481)))).containsExactly("durationMinutes");
        assertThat(fields(api(recruiter).post("/api/tests", with(test("t", List.of(section("s", q))),
                "passMarkPercent", -1)))).containsExactly("passMarkPercent");
        assertThat(fields(api(recruiter).post("/api/tests", test(" ", List.of()))))
                .containsExactlyInAnyOrder("title", "sections");
        assertThat(fields(api(recruiter).post("/api/tests", test("t", List.of(section("s"))))))
                .containsExactly("sections[0].questionIds");
        assertThat(fields(api(recruiter).post("/api/tests", test("t", List.of(section("a", q), section("b", q))))))
                .containsExactly("sections");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        IntStream.range(0, 2).forEach(s -> tooMany.add(Map.of("title", "s" + s,
                "questionIds", IntStream.range(0, 51).mapToObj(i -> "q_" + s + "_" + i).toList())));
        HttpApi.Response hundredAndTwo = api(recruiter).post("/api/tests", test("t", tooMany));
        assertThat(fields(hundredAndTwo)).containsExactly("sections");
        assertThat(hundredAndTwo.json().get("detail").asString()).contains("at most 100");
    }

    @Test
    void malformedWrongTypedInjectedAndOversizeBodiesAreRejected() {
        String q = publishedId(singleChoice("q"));

        api(recruiter).post("/api/tests", "{\"title\": \"t\", ").problem(400);
        HttpApi.Response wrongType = api(recruiter).post("/api/tests",
                with(test("t", List.of(section("s", q))), "durationMinutes", "an hour"));
        wrongType.problem(400);
        assertThat(wrongType.json().get("detail").asString()).contains("'durationMinutes'");
        HttpApi.Response injected = api(recruiter).post("/api/tests", with(test("t", List.of(section("s", q))),
                "sections", List.of(Map.of("title", "s", "questionIds", List.of(Map.of("$gt", ""))))));
        injected.problem(400);
        api(recruiter).post("/api/tests", with(test("t", List.of(section("s", q))), "title",
                Map.of("$gt", ""))).problem(400);
        api(recruiter).post("/api/tests", with(test("t", List.of(section("s", q))), "description",
                "x".repeat(300 * 1024))).problem(413);
        assertThat(api(recruiter).get("/api/tests").json().get("items")).as("nothing was created").isEmpty();
    }

    @Test
    void anUnknownStatusFilterIsAnInvalidParameterListingTheStatuses() {
        JsonNode problem = api(recruiter).get("/api/tests?status=FOO").problem(400, "invalid-parameter");

        assertThat(problem.get("parameter").asString()).isEqualTo("status");
        assertThat(problem.get("detail").asString())
                .isEqualTo("Parameter 'status' must be one of [DRAFT, PUBLISHED, RETIRED].");
        assertThat(api(recruiter).get("/api/tests?limit=abc").problem(400, "invalid-parameter")
                .get("parameter").asString()).isEqualTo("limit");
    }

    private static List<String> ids(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> fields(HttpApi.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }
}
