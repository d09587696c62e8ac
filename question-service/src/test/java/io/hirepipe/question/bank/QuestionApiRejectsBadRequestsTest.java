package io.hirepipe.question.bank;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static io.hirepipe.question.support.Questions.freeText;
import static io.hirepipe.question.support.Questions.multiChoice;
import static io.hirepipe.question.support.Questions.singleChoice;
import static io.hirepipe.question.support.Questions.with;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionApiRejectsBadRequestsTest extends IntegrationTestBase {

    @Test
    void malformedJsonIsABadRequest() {
        HttpApi.Response response = api(recruiter).post("/api/questions", "{\"kind\": \"SINGLE_CHOICE\", \"title\": ");

        response.problem(400, "malformed-request");
        assertThat(response.json().get("detail").asString()).startsWith("Malformed JSON");
    }

    @Test
    void aWrongTypeNamesTheField() {
        HttpApi.Response response = api(recruiter).post("/api/questions",
                with(singleChoice("t"), "options", "a, b, c"));

        response.problem(400, "malformed-request");
        assertThat(response.json().get("detail").asString()).contains("'options'");
    }

    @Test
    void aNumberTooLargeForItsFieldNamesTheFieldInWords() {
        HttpApi.Response response = api(recruiter).post("/api/questions",
                with(singleChoice("t"), "points", 99_999_999_999L));

        JsonNode problem = response.problem(400, "invalid-request");
        assertThat(problem.get("detail").asString()).isEqualTo("Field 'points' is too large.");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("points");
        assertThat(response.body()).doesNotContain("`int`").doesNotContain("2147483647");
        assertThat(api(recruiter).get("/api/questions").json().get("items")).as("nothing was written").isEmpty();
    }

    @Test
    void anUnknownKindNamesTheField() {
        HttpApi.Response response = api(recruiter).post("/api/questions", with(singleChoice("t"), "kind", "ESSAY"));

        response.problem(400, "malformed-request");
        assertThat(response.json().get("detail").asString()).contains("'kind'", "SINGLE_CHOICE");
    }

    @Test
    void anOperatorInsteadOfAValueIsRejected() {
        HttpApi.Response inTitle = api(recruiter).post("/api/questions",
                with(singleChoice("t"), "title", Map.of("$gt", "")));
        HttpApi.Response inTags = api(recruiter).post("/api/questions",
                with(singleChoice("t"), "tags", List.of(Map.of("$ne", "x"))));

        inTitle.problem(400, "malformed-request");
        assertThat(inTitle.json().get("detail").asString()).contains("'title'");
        inTags.problem(400, "malformed-request");
        assertThat(api(recruiter).get("/api/questions").json().get("items")).as("nothing was written").isEmpty();
    }

    @Test
    void anOperatorInAQueryParameterMatchesNothing() {
        createQuestion(recruiter, singleChoice("t"));

        HttpApi.Response response = api(recruiter).get("/api/questions?tag=%7B%22%24ne%22%3A%22x%22%7D");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("items")).isEmpty();
    }

    @Test
    void anOversizeBodyIsRefusedWith413() {
        HttpApi.Response response = api(recruiter).post("/api/questions",
                with(singleChoice("t"), "prompt", "x".repeat(300 * 1024)));

        response.problem(413, "payload-too-large");
    }

    @Test
    void brokenBeanRulesNameEveryField() {
        Map<String, Object> body = with(with(singleChoice("t".repeat(201)), "prompt", " "), "tags",
                List.of("ok", "x".repeat(51)));

        HttpApi.Response response = api(recruiter).post("/api/questions", body);

        response.problem(400, "invalid-request");
        assertThat(fields(response)).containsExactlyInAnyOrder("title", "prompt", "tags[1]");
    }

    @Test
    void brokenKindRulesNameTheField() {
        HttpApi.Response twoCorrect = api(recruiter).post("/api/questions",
                with(singleChoice("t"), "correctOptionIds", List.of("a", "b")));
        HttpApi.Response notAnOption = api(recruiter).post("/api/questions",
                with(singleChoice("t"), "correctOptionIds", List.of("zzz")));
        HttpApi.Response oneOption = api(recruiter).post("/api/questions",
                with(singleChoice("t"), "options", List.of(Map.of("id", "a", "text", "only"))));
        HttpApi.Response duplicateOptions = api(recruiter).post("/api/questions", with(singleChoice("t"), "options",
                List.of(Map.of("id", "a", "text", "one"), Map.of("id", "a", "text", "two"))));
        HttpApi.Response freeTextWithoutRubric = api(recruiter).post("/api/questions",
                with(freeText("t"), "rubric", null));
        HttpApi.Response choicePoints = api(recruiter).post("/api/questions", with(singleChoice("t"), "points", 101));

        assertThat(fields(twoCorrect)).containsExactly("correctOptionIds");
        assertThat(fields(notAnOption)).containsExactly("correctOptionIds");
        assertThat(notAnOption.json().get("detail").asString()).contains("zzz");
        assertThat(fields(oneOption)).containsExactly("options");
        assertThat(fields(duplicateOptions)).containsExactly("options");
        assertThat(fields(freeTextWithoutRubric)).containsExactly("rubric");
        assertThat(fields(choicePoints)).containsExactly("points");
    }

    @Test
    void aPhraseOfCommonWordsOnlyIsRefusedNamingIt() {
        Map<String, Object> keyPoint = Map.of("id", "split", "description", "Splits data",
                "phrases", List.of("shard key", "the"), "points", 3);
        Map<String, Object> misconception = Map.of("id", "mc", "description", "Copies all data",
                "phrases", List.of("it is not"), "points", 1);

        HttpApi.Response refused = api(recruiter).post("/api/questions", rubric(List.of(keyPoint), List.of(misconception)));

        assertThat(fields(refused)).containsExactly("rubric.keyPoints[0].phrases[1]", "rubric.misconceptions[0].phrases[0]");
        assertThat(refused.json().get("detail").asString()).contains("can never match");
        assertThat(api(recruiter).post("/api/questions", rubric(List.of(with(keyPoint, "phrases",
                List.of("shard key", "the shard's key"))), null)).status()).as("a phrase with a word besides common ones")
                .isEqualTo(201);
    }

    @Test
    void badExamplesMisconceptionsAndChoiceScoringNameTheField() {
        Map<String, Object> keyPoint = Map.of("id", "split", "description", "Splits data", "phrases", List.of("split"),
                "points", 3);
        Map<String, Object> misconception = Map.of("id", "mc", "description", "Copies all data", "points", 1);

        assertThat(fields(api(recruiter).post("/api/questions", rubric(List.of(with(keyPoint, "examples",
                List.of("ok", " "))), null)))).containsExactly("rubric.keyPoints[0].examples[1]");
        assertThat(fields(api(recruiter).post("/api/questions", rubric(List.of(with(keyPoint, "examples",
                java.util.Collections.nCopies(11, "e"))), null)))).containsExactly("rubric.keyPoints[0].examples");
        assertThat(fields(api(recruiter).post("/api/questions", rubric(List.of(keyPoint),
                List.of(with(misconception, "description", null)))))).containsExactly("rubric.misconceptions[0].description");
        assertThat(fields(api(recruiter).post("/api/questions", rubric(List.of(keyPoint),
                List.of(with(misconception, "points", 0)))))).containsExactly("rubric.misconceptions[0].points");
        assertThat(fields(api(recruiter).post("/api/questions", rubric(List.of(keyPoint),
                List.of(with(misconception, "points", 4)))))).containsExactly("rubric.misconceptions[0].points");
        assertThat(fields(api(recruiter).post("/api/questions", rubric(List.of(keyPoint),
                List.of(misconception, misconception))))).containsExactly("rubric.misconceptions");
        assertThat(fields(api(recruiter).post("/api/questions", rubric(List.of(keyPoint),
                List.of(with(misconception, "id", "split")))))).containsExactly("rubric.misconceptions");
        assertThat(fields(api(recruiter).post("/api/questions", with(singleChoice("t"), "choiceScoring", "PARTIAL"))))
                .containsExactly("choiceScoring");
        assertThat(fields(api(recruiter).post("/api/questions", with(freeText("t"), "choiceScoring", "PARTIAL"))))
                .containsExactly("choiceScoring");
        HttpApi.Response unknownScoring = api(recruiter).post("/api/questions",
                with(multiChoice("t"), "choiceScoring", "GENEROUS"));
        unknownScoring.problem(400, "malformed-request");
        assertThat(unknownScoring.json().get("detail").asString()).contains("'choiceScoring'");
        api(recruiter).post("/api/questions", rubric(List.of(with(keyPoint, "examples", "one sentence")), null))
                .problem(400, "malformed-request");
        api(recruiter).post("/api/questions", rubric(List.of(keyPoint), List.of(with(misconception, "points", "1"))))
                .problem(400, "malformed-request");
        assertThat(api(recruiter).get("/api/questions").json().get("items")).as("nothing was written").isEmpty();
    }

    private static Map<String, Object> rubric(List<Map<String, Object>> keyPoints,
                                              List<Map<String, Object>> misconceptions) {
        Map<String, Object> rubric = new java.util.LinkedHashMap<>();
        rubric.put("keyPoints", keyPoints);
        if (misconceptions != null) {
            rubric.put("misconceptions", misconceptions);
        }
        return with(freeText("t"), "rubric", rubric);
    }

    @Test
    void anInvalidEditChangesNothing() {
        String id = createQuestion(recruiter, singleChoice("Keep me")).get("id").asString();

        HttpApi.Response response = api(recruiter).put("/api/questions/" + id, with(singleChoice("t"), "kind", null));

        response.problem(400, "invalid-request");
        assertThat(fields(response)).containsExactly("kind");
        assertThat(api(recruiter).get("/api/questions/" + id).json().get("title").asString()).isEqualTo("Keep me");
    }

    @Test
    void badListParametersAreRejected() {
        api(recruiter).get("/api/questions?limit=501").problem(400);
        api(recruiter).get("/api/questions?limit=0").problem(400);
        api(recruiter).get("/api/questions?limit=many").problem(400);
        api(recruiter).get("/api/questions?status=LIVE").problem(400);
        assertThat(api(recruiter).get("/api/questions?limit=500").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/questions/q_doesnotexist", "PUT /api/questions/q_doesnotexist",
            "POST /api/questions/q_doesnotexist/publish", "POST /api/questions/q_doesnotexist/retire",
            "GET /api/questions/q_doesnotexist/versions/1"})
    void unknownIdsAreNotFound(String call) {
        String[] methodAndPath = call.split(" ");
        Object body = methodAndPath[0].equals("PUT") ? singleChoice("t") : null;

        api(recruiter).send(methodAndPath[0], methodAndPath[1], body).problem(404, "not-found");
    }

    @Test
    void anotherTenantsQuestionIsNotFoundAndUntouched() {
        String id = createPublishedQuestion(recruiter, singleChoice("Mine")).get("id").asString();
        Caller stranger = Caller.recruiter(newTenant(), "user-2", "other@example.org");

        api(stranger).get("/api/questions/" + id).problem(404, "not-found");
        api(stranger).get("/api/questions/" + id + "/versions/1").problem(404, "not-found");
        api(stranger).put("/api/questions/" + id, singleChoice("Theirs")).problem(404, "not-found");
        api(stranger).post("/api/questions/" + id + "/retire", null).problem(404, "not-found");
        assertThat(api(stranger).get("/api/questions").json().get("items")).isEmpty();

        JsonNode mine = api(recruiter).get("/api/questions/" + id).json();
        assertThat(mine.get("title").asString()).isEqualTo("Mine");
        assertThat(mine.get("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void candidatesAndServicesMayNotUseTheQuestionBank() {
        String id = createQuestion(recruiter, singleChoice("t")).get("id").asString();
        Caller candidate = Caller.candidate(tenant, "inv-1");
        Caller service = Caller.service(tenant, "assessment-service");

        api(candidate).get("/api/questions/" + id).problem(403, "forbidden");
        api(candidate).get("/api/questions").problem(403, "forbidden");
        api(candidate).post("/api/questions", singleChoice("t")).problem(403, "forbidden");
        api(service).get("/api/questions/" + id).problem(403, "forbidden");
        api(service).post("/api/questions/" + id + "/publish", null).problem(403, "forbidden");
        assertThat(api(recruiter).get("/api/questions/" + id).json().get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthenticated() {
        HttpApi.Response noToken = api(null).post("/api/questions", singleChoice("t"));
        HttpApi.Response forged = api(null)
                .withAuthorization("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").get("/api/questions");

        noToken.problem(401, "unauthenticated");
        forged.problem(401, "unauthenticated");
    }

    @Test
    void probesNeedNoToken() {
        assertThat(api(null).get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    private static List<String> fields(HttpApi.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }
}
