package io.hirepipe.question.template;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.ApiClient;
import io.hirepipe.question.support.IntegrationTestBase;
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
        api.put("/api/questions/" + text, recruiter, freeText("SQL or NoSQL, reworded"));

        ApiClient.Response created = api.post("/api/tests", recruiter, test("Backend screen", List.of(
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

        assertThat(api.get("/api/tests/" + id, recruiter).json()).isEqualTo(body);
        assertThat(api.get("/api/tests/" + id, assessmentService()).json())
                .as("assessment-service reads test metadata when inviting").isEqualTo(body);
    }

    @Test
    void listIsTheTenantsTestsNewestFirst() {
        String question = publishedId(singleChoice("q"));
        String first = api.post("/api/tests", recruiter, test("First", List.of(section("s", question))))
                .json().get("id").asString();
        String second = api.post("/api/tests", Caller.platform(tenant, "key-1"),
                test("Second", List.of(section("s", question)))).json().get("id").asString();

        ApiClient.Response list = api.get("/api/tests", recruiter);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().valueStream().map(t -> t.get("id").asString()).toList()).containsExactly(second, first);
        assertThat(api.get("/api/tests?limit=1", recruiter).json()).hasSize(1);
        assertThat(api.get("/api/tests", Caller.recruiter(newTenant(), "u", null)).json()).isEmpty();
    }

    @Test
    void everyQuestionMustBePublishedAndTheProblemNamesTheOthers() {
        String published = publishedId(singleChoice("ok"));
        String draft = createQuestion(recruiter, multiChoice("draft")).get("id").asString();
        String retired = publishedId(freeText("retired"));
        api.post("/api/questions/" + retired + "/retire", recruiter, null);
        String otherTenants = createPublishedQuestion(Caller.recruiter(newTenant(), "u", null), singleChoice("theirs"))
                .get("id").asString();

        ApiClient.Response response = api.post("/api/tests", recruiter, test("Mixed", List.of(
                section("one", published, draft), section("two", "q_nope", retired, otherTenants))));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).endsWith("/questions-not-usable");
        assertThat(ids(problem.get("unknownQuestionIds"))).containsExactly("q_nope", otherTenants);
        assertThat(ids(problem.get("unpublishedQuestionIds"))).containsExactly(draft);
        assertThat(ids(problem.get("retiredQuestionIds"))).containsExactly(retired);
        assertThat(problem.get("detail").asString()).contains(draft, retired, "q_nope").doesNotContain(published);
        assertThat(api.get("/api/tests", recruiter).json()).as("nothing was created").isEmpty();
    }

    @Test
    void theDeliveryHasThePinnedVersionsWithoutAnswerKeysOrRubrics() {
        String choice = publishedId(singleChoice("Traffic spike"));
        String text = publishedId(freeText("SQL or NoSQL"));
        String id = api.post("/api/tests", recruiter, test("Backend screen", List.of(
                section("Scaling", choice), section("Databases", text)))).json().get("id").asString();
        // Version 2 is published after the test was created: the test keeps delivering version 1.
        api.put("/api/questions/" + choice, recruiter, singleChoice("Traffic spike, v2"));
        api.post("/api/questions/" + choice + "/publish", recruiter, null);

        ApiClient.Response response = api.get("/api/tests/" + id + "/delivery", assessmentService());

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

        String newer = api.post("/api/tests", recruiter, test("Newer", List.of(section("s", choice))))
                .json().get("id").asString();
        assertThat(api.get("/api/tests/" + newer + "/delivery", assessmentService()).json()
                .at("/questions/0/version").asInt()).isEqualTo(2);
    }

    @Test
    void theDeliveryStaysAvailableAfterItsQuestionIsRetired() {
        String question = publishedId(singleChoice("Soon retired"));
        String id = api.post("/api/tests", recruiter, test("t", List.of(section("s", question))))
                .json().get("id").asString();
        api.post("/api/questions/" + question + "/retire", recruiter, null);

        ApiClient.Response delivery = api.get("/api/tests/" + id + "/delivery", assessmentService());

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.json().at("/questions/0/title").asString()).isEqualTo("Soon retired");
    }

    @Test
    void onlyServicesGetTheDelivery() {
        String id = api.post("/api/tests", recruiter, test("t", List.of(section("s", publishedId(singleChoice("q"))))))
                .json().get("id").asString();

        assertProblem(api.get("/api/tests/" + id + "/delivery", recruiter), 403);
        assertProblem(api.get("/api/tests/" + id + "/delivery", Caller.platform(tenant, "key-1")), 403);
        assertProblem(api.get("/api/tests/" + id + "/delivery", Caller.candidate(tenant, "inv-1")), 403);
        assertProblem(api.get("/api/tests/" + id, Caller.candidate(tenant, "inv-1")), 403);
        assertProblem(api.post("/api/tests", assessmentService(), test("t", List.of(section("s", "q")))), 403);
        assertProblem(api.get("/api/tests/" + id + "/delivery", null), 401);
        assertProblem(api.get("/api/tests", null), 401);
    }

    @Test
    void unknownAndOtherTenantsTestsAreNotFound() {
        String id = api.post("/api/tests", recruiter, test("t", List.of(section("s", publishedId(singleChoice("q"))))))
                .json().get("id").asString();
        String stranger = newTenant();

        assertProblem(api.get("/api/tests/t_nope", recruiter), 404);
        assertProblem(api.get("/api/tests/t_nope/delivery", assessmentService()), 404);
        assertProblem(api.get("/api/tests/" + id, Caller.recruiter(stranger, "u", null)), 404);
        assertProblem(api.get("/api/tests/" + id + "/delivery", Caller.service(stranger, "assessment-service")), 404);
    }

    @Test
    void badTestDefinitionsAreRejectedNamingTheField() {
        String q = publishedId(singleChoice("q"));

        assertThat(fields(api.post("/api/tests", recruiter, with(test("t", List.of(section("s", q))),
                "durationMinutes", 481)))).containsExactly("durationMinutes");
        assertThat(fields(api.post("/api/tests", recruiter, with(test("t", List.of(section("s", q))),
                "passMarkPercent", -1)))).containsExactly("passMarkPercent");
        assertThat(fields(api.post("/api/tests", recruiter, test(" ", List.of()))))
                .containsExactlyInAnyOrder("title", "sections");
        assertThat(fields(api.post("/api/tests", recruiter, test("t", List.of(section("s"))))))
                .containsExactly("sections[0].questionIds");
        assertThat(fields(api.post("/api/tests", recruiter, test("t", List.of(section("a", q), section("b", q))))))
                .containsExactly("sections");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        IntStream.range(0, 2).forEach(s -> tooMany.add(Map.of("title", "s" + s,
                "questionIds", IntStream.range(0, 51).mapToObj(i -> "q_" + s + "_" + i).toList())));
        ApiClient.Response hundredAndTwo = api.post("/api/tests", recruiter, test("t", tooMany));
        assertThat(fields(hundredAndTwo)).containsExactly("sections");
        assertThat(hundredAndTwo.json().get("detail").asString()).contains("at most 100");
    }

    @Test
    void malformedWrongTypedInjectedAndOversizeBodiesAreRejected() {
        String q = publishedId(singleChoice("q"));

        assertProblem(api.post("/api/tests", recruiter, "{\"title\": \"t\", "), 400);
        ApiClient.Response wrongType = api.post("/api/tests", recruiter,
                with(test("t", List.of(section("s", q))), "durationMinutes", "an hour"));
        assertProblem(wrongType, 400);
        assertThat(wrongType.json().get("detail").asString()).contains("'durationMinutes'");
        ApiClient.Response injected = api.post("/api/tests", recruiter, with(test("t", List.of(section("s", q))),
                "sections", List.of(Map.of("title", "s", "questionIds", List.of(Map.of("$gt", ""))))));
        assertProblem(injected, 400);
        assertProblem(api.post("/api/tests", recruiter, with(test("t", List.of(section("s", q))), "title",
                Map.of("$gt", ""))), 400);
        assertProblem(api.post("/api/tests", recruiter, with(test("t", List.of(section("s", q))), "description",
                "x".repeat(300 * 1024))), 413);
        assertThat(api.get("/api/tests", recruiter).json()).as("nothing was created").isEmpty();
    }

    private static List<String> ids(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
    }
}
