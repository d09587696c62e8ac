package io.hirepipe.question.bank;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.ApiClient;
import io.hirepipe.question.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static io.hirepipe.question.support.Questions.freeText;
import static io.hirepipe.question.support.Questions.singleChoice;
import static io.hirepipe.question.support.Questions.with;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionApiRejectsBadRequestsTest extends IntegrationTestBase {

    @Test
    void malformedJsonIsABadRequest() {
        ApiClient.Response response = api.post("/api/questions", recruiter, "{\"kind\": \"SINGLE_CHOICE\", \"title\": ");

        assertProblem(response, 400, "malformed-request");
        assertThat(response.json().get("detail").asString()).startsWith("Malformed JSON");
    }

    @Test
    void aWrongTypeNamesTheField() {
        ApiClient.Response response = api.post("/api/questions", recruiter,
                with(singleChoice("t"), "options", "a, b, c"));

        assertProblem(response, 400, "malformed-request");
        assertThat(response.json().get("detail").asString()).contains("'options'");
    }

    @Test
    void anUnknownKindNamesTheField() {
        ApiClient.Response response = api.post("/api/questions", recruiter, with(singleChoice("t"), "kind", "ESSAY"));

        assertProblem(response, 400, "malformed-request");
        assertThat(response.json().get("detail").asString()).contains("'kind'", "SINGLE_CHOICE");
    }

    @Test
    void anOperatorInsteadOfAValueIsRejected() {
        ApiClient.Response inTitle = api.post("/api/questions", recruiter,
                with(singleChoice("t"), "title", Map.of("$gt", "")));
        ApiClient.Response inTags = api.post("/api/questions", recruiter,
                with(singleChoice("t"), "tags", List.of(Map.of("$ne", "x"))));

        assertProblem(inTitle, 400, "malformed-request");
        assertThat(inTitle.json().get("detail").asString()).contains("'title'");
        assertProblem(inTags, 400, "malformed-request");
        assertThat(api.get("/api/questions", recruiter).json()).as("nothing was written").isEmpty();
    }

    @Test
    void anOperatorInAQueryParameterMatchesNothing() {
        createQuestion(recruiter, singleChoice("t"));

        ApiClient.Response response = api.get("/api/questions?tag=%7B%22%24ne%22%3A%22x%22%7D", recruiter);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEmpty();
    }

    @Test
    void anOversizeBodyIsRefusedWith413() {
        ApiClient.Response response = api.post("/api/questions", recruiter,
                with(singleChoice("t"), "prompt", "x".repeat(300 * 1024)));

        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void brokenBeanRulesNameEveryField() {
        Map<String, Object> body = with(with(singleChoice("t".repeat(201)), "prompt", " "), "tags",
                List.of("ok", "x".repeat(51)));

        ApiClient.Response response = api.post("/api/questions", recruiter, body);

        assertProblem(response, 400, "invalid-request");
        assertThat(fields(response)).containsExactlyInAnyOrder("title", "prompt", "tags[1]");
    }

    @Test
    void brokenKindRulesNameTheField() {
        ApiClient.Response twoCorrect = api.post("/api/questions", recruiter,
                with(singleChoice("t"), "correctOptionIds", List.of("a", "b")));
        ApiClient.Response notAnOption = api.post("/api/questions", recruiter,
                with(singleChoice("t"), "correctOptionIds", List.of("zzz")));
        ApiClient.Response oneOption = api.post("/api/questions", recruiter,
                with(singleChoice("t"), "options", List.of(Map.of("id", "a", "text", "only"))));
        ApiClient.Response duplicateOptions = api.post("/api/questions", recruiter, with(singleChoice("t"), "options",
                List.of(Map.of("id", "a", "text", "one"), Map.of("id", "a", "text", "two"))));
        ApiClient.Response freeTextWithoutRubric = api.post("/api/questions", recruiter,
                with(freeText("t"), "rubric", null));
        ApiClient.Response choicePoints = api.post("/api/questions", recruiter, with(singleChoice("t"), "points", 101));

        assertThat(fields(twoCorrect)).containsExactly("correctOptionIds");
        assertThat(fields(notAnOption)).containsExactly("correctOptionIds");
        assertThat(notAnOption.json().get("detail").asString()).contains("zzz");
        assertThat(fields(oneOption)).containsExactly("options");
        assertThat(fields(duplicateOptions)).containsExactly("options");
        assertThat(fields(freeTextWithoutRubric)).containsExactly("rubric");
        assertThat(fields(choicePoints)).containsExactly("points");
    }

    @Test
    void anInvalidEditChangesNothing() {
        String id = createQuestion(recruiter, singleChoice("Keep me")).get("id").asString();

        ApiClient.Response response = api.put("/api/questions/" + id, recruiter, with(singleChoice("t"), "kind", null));

        assertProblem(response, 400, "invalid-request");
        assertThat(fields(response)).containsExactly("kind");
        assertThat(api.get("/api/questions/" + id, recruiter).json().get("title").asString()).isEqualTo("Keep me");
    }

    @Test
    void badListParametersAreRejected() {
        assertProblem(api.get("/api/questions?limit=501", recruiter), 400, null);
        assertProblem(api.get("/api/questions?limit=0", recruiter), 400, null);
        assertProblem(api.get("/api/questions?limit=many", recruiter), 400, null);
        assertProblem(api.get("/api/questions?status=LIVE", recruiter), 400, null);
        assertThat(api.get("/api/questions?limit=500", recruiter).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/questions/q_doesnotexist", "PUT /api/questions/q_doesnotexist",
            "POST /api/questions/q_doesnotexist/publish", "POST /api/questions/q_doesnotexist/retire",
            "GET /api/questions/q_doesnotexist/versions/1"})
    void unknownIdsAreNotFound(String call) {
        String[] methodAndPath = call.split(" ");
        Object body = methodAndPath[0].equals("PUT") ? singleChoice("t") : null;

        assertProblem(api.send(methodAndPath[0], methodAndPath[1], recruiter, body), 404, "not-found");
    }

    @Test
    void anotherTenantsQuestionIsNotFoundAndUntouched() {
        String id = createPublishedQuestion(recruiter, singleChoice("Mine")).get("id").asString();
        Caller stranger = Caller.recruiter(newTenant(), "user-2", "other@example.org");

        assertProblem(api.get("/api/questions/" + id, stranger), 404, "not-found");
        assertProblem(api.get("/api/questions/" + id + "/versions/1", stranger), 404, "not-found");
        assertProblem(api.put("/api/questions/" + id, stranger, singleChoice("Theirs")), 404, "not-found");
        assertProblem(api.post("/api/questions/" + id + "/retire", stranger, null), 404, "not-found");
        assertThat(api.get("/api/questions", stranger).json()).isEmpty();

        JsonNode mine = api.get("/api/questions/" + id, recruiter).json();
        assertThat(mine.get("title").asString()).isEqualTo("Mine");
        assertThat(mine.get("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void candidatesAndServicesMayNotUseTheQuestionBank() {
        String id = createQuestion(recruiter, singleChoice("t")).get("id").asString();
        Caller candidate = Caller.candidate(tenant, "inv-1");
        Caller service = Caller.service(tenant, "assessment-service");

        assertProblem(api.get("/api/questions/" + id, candidate), 403, "forbidden");
        assertProblem(api.get("/api/questions", candidate), 403, "forbidden");
        assertProblem(api.post("/api/questions", candidate, singleChoice("t")), 403, "forbidden");
        assertProblem(api.get("/api/questions/" + id, service), 403, "forbidden");
        assertProblem(api.post("/api/questions/" + id + "/publish", service, null), 403, "forbidden");
        assertThat(api.get("/api/questions/" + id, recruiter).json().get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthenticated() {
        ApiClient.Response noToken = api.post("/api/questions", null, singleChoice("t"));
        ApiClient.Response forged = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/questions"))
                .header("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").GET().build());

        assertProblem(noToken, 401, "unauthenticated");
        assertProblem(forged, 401, "unauthenticated");
    }

    @Test
    void probesNeedNoToken() {
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        if (type != null) {
            assertThat(response.json().get("type").asString()).isEqualTo("https://hirepipe.io/problems/" + type);
        }
    }
}
