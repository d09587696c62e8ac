package io.hirepipe.question.transfer;

import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.contracts.events.QuestionRetired;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.testkit.AtOnce;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.hirepipe.question.support.Questions.freeText;
import static io.hirepipe.testkit.OpenApiAssertions.assertDocumentsRefusal;
import static io.hirepipe.question.support.Questions.multiChoice;
import static io.hirepipe.question.support.Questions.singleChoice;
import static io.hirepipe.question.support.Questions.with;
import static org.assertj.core.api.Assertions.assertThat;

class JsonTransferTest extends IntegrationTestBase {

    private final EventTopics topics = EventTopics.shared();

    /** What a question says, without what the tenant assigns (id, dates, status, author). */
    private static Map<String, String> content(JsonNode question) {
        return Set.of("kind", "title", "promptMarkdown", "promptHtml", "options", "correctOptionIds", "rubric",
                        "points", "tags", "choiceScoring", "category", "difficulty", "suggestedTimeSeconds", "whyWeAsk")
                .stream().collect(Collectors.toMap(f -> f, f -> question.path(f).toString()));
    }

    private Map<String, Map<String, String>> bankByTitle(Caller caller) {
        return api(caller).get("/api/questions").expect(200).get("items").valueStream()
                .collect(Collectors.toMap(q -> q.get("title").asString(), JsonTransferTest::content));
    }

    @Test
    void anExportedBankImportsIntoAnotherTenantWithNewIdsAndTheSameContentOnce() {
        createQuestion(recruiter, with(with(singleChoice("Spike"), "category", "scaling"), "difficulty", 2));
        createPublishedQuestion(recruiter, with(with(multiChoice("Security"), "whyWeAsk", "Defence in depth."),
                "suggestedTimeSeconds", 90));
        createQuestion(recruiter, with(freeText("SQL or NoSQL"), "prompt", "Pick a **database**:\n\n- SQL\n- NoSQL"));
        JsonNode exported = api(recruiter).get("/api/questions/export").expect(200);
        assertThat(exported.get("questions")).hasSize(3);

        Caller other = Caller.recruiter(newTenant(), "user-9", "other@example.com");
        JsonNode report = api(other).post("/api/questions/import", exported).expect(200);
        assertThat(report.get("created").asInt()).isEqualTo(3);
        Set<String> oldIds = exported.get("questions").valueStream().map(q -> q.get("key").asString())
                .collect(Collectors.toSet());
        report.get("questions").forEach(row -> assertThat(oldIds).doesNotContain(row.get("id").asString()));

        assertThat(bankByTitle(other)).isEqualTo(bankByTitle(recruiter));

        JsonNode again = api(other).post("/api/questions/import", exported).expect(200);
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("alreadyImported").asInt()).isEqualTo(3);
        assertThat(api(other).get("/api/questions").expect(200).get("items")).hasSize(3);
    }

    /**
     * The same file imported twice at once (a retry after the gateway gave up waiting on the first, a second click):
     * the bank gets its questions once. One import runs; the other is told to try again, which then adds nothing.
     */
    @Test
    void theSameFileImportedTwiceAtOnceAddsItsQuestionsOnce() throws Exception {
        List<Map<String, Object>> questions = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            questions.add(with(singleChoice("Traffic spike " + i), "key", "spike-" + i));
        }
        Map<String, Object> file = Map.of("version", 1, "questions", questions);
        for (int round = 0; round < 3; round++) {
            Caller importer = Caller.recruiter(newTenant(), "user-7", "importer@example.com");
            int created = 0;
            for (HttpApi.Response response : AtOnce.run(3, client -> () -> api(importer)
                    .post("/api/questions/import?publish=true", file))) {
                if (response.status() == 200) {
                    created += response.json().get("created").asInt();
                } else {
                    JsonNode busy = response.problem(409, "import-in-progress");
                    assertThat(response.header("Retry-After")).isPresent();
                    assertDocumentsRefusal(api(null).get("/v3/api-docs").expect(200), "POST",
                            "/api/questions/import?publish=true", busy);
                }
            }
            assertThat(created).as("round %d", round).isEqualTo(40);
            assertThat(api(importer).get("/api/questions?limit=100").expect(200).get("items"))
                    .as("round %d", round).hasSize(40);
            JsonNode again = api(importer).post("/api/questions/import?publish=true", file).expect(200);
            assertThat(again.get("alreadyImported").asInt()).isEqualTo(40);
        }
    }

    @Test
    void aSelectionExportsOnlyTheNamedQuestionsOfTheCallersTenant() {
        String wanted = createQuestion(recruiter, singleChoice("Wanted")).get("id").asString();
        createQuestion(recruiter, singleChoice("Not wanted"));
        String foreign = createQuestion(Caller.recruiter(newTenant(), "u", "x@example.com"), singleChoice("Foreign"))
                .get("id").asString();

        JsonNode exported = api(recruiter).get("/api/questions/export?ids=" + wanted + "," + foreign).expect(200);

        assertThat(exported.get("questions").valueStream().map(q -> q.get("title").asString()).toList())
                .containsExactly("Wanted");
    }

    @Test
    void anImportWithOneBadQuestionStoresNothingAndNamesTheField() {
        createQuestion(recruiter, singleChoice("Good"));
        createQuestion(recruiter, singleChoice("Bad"));
        JsonNode exported = api(recruiter).get("/api/questions/export").expect(200);
        ((ObjectNode) exported.get("questions").get(1)).put("difficulty", 9);
        ((ObjectNode) exported.get("questions").get(0)).put("prompt", "<script>alert(1)</script>Fine **prompt**");
        Caller other = Caller.recruiter(newTenant(), "u", "x@example.com");

        JsonNode problem = api(other).post("/api/questions/import", exported).problem(400);

        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("questions[1].difficulty");
        assertThat(api(other).get("/api/questions").expect(200).get("items")).isEmpty();
        api(other).post("/api/questions/import", Map.of("questions", List.of())).problem(400);
        api(other).get("/api/questions/export?ids=").problem(400);
    }

    @Test
    void aFileWithoutItsVersionIsRefusedAsMissingIt() {
        for (String file : List.of("{}", "{\"version\": null, \"questions\": []}")) {
            JsonNode problem = api(recruiter).post("/api/questions/import", file).problem(400, "invalid-request");

            assertThat(problem.get("detail").asString()).as(file).isEqualTo("Field 'version' is required.");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("version");
        }
    }

    @Test
    void aFileOfAnotherFormatVersionIsRefusedAndNothingStored() {
        createQuestion(recruiter, singleChoice("Spike"));
        ObjectNode exported = (ObjectNode) api(recruiter).get("/api/questions/export").expect(200);
        exported.put("version", 2);
        Caller other = Caller.recruiter(newTenant(), "u", "x@example.com");

        JsonNode problem = api(other).post("/api/questions/import", exported).problem(400, "invalid-request");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(problem.get("detail").asString()).contains("version 1, not 2");
        assertThat(api(other).get("/api/questions").expect(200).get("items")).isEmpty();
    }

    @Test
    void aNullEntryIsRefusedNamingIt() {
        JsonNode question = api(recruiter).post("/api/questions/import", "{\"version\": 1, \"questions\": [null]}")
                .problem(400, "invalid-request");

        assertThat(question.get("detail").asString()).isEqualTo("questions[0]: must be a question object");
        assertThat(question.get("errors").get(0).get("field").asString()).isEqualTo("questions[0]");

        String withNullTest = "{\"version\": 1, \"questions\": [{\"key\": \"k\", \"kind\": \"SINGLE_CHOICE\", "
                + "\"title\": \"t\", \"prompt\": \"p\", \"options\": [{\"id\": \"a\", \"text\": \"A\"}, "
                + "{\"id\": \"b\", \"text\": \"B\"}], \"correctOptionIds\": [\"a\"]}], \"tests\": [null]}";
        JsonNode test = api(recruiter).post("/api/questions/import?publish=true", withNullTest).problem(400);
        assertThat(test.get("errors").valueStream().map(e -> e.get("field").asString() + ": " + e.get("message").asString()))
                .contains("tests[0]: must be a test object");
        assertThat(api(recruiter).get("/api/questions").expect(200).get("items")).as("nothing stored").isEmpty();
    }

    private String createTest(Map<String, Object> body) {
        return api(recruiter).post("/api/tests", body).expect(201).get("id").asString();
    }

    @Test
    void testsExportWithTheirSectionsAndImportAsDraftsThatNameTheImportedQuestions() {
        String spike = createPublishedQuestion(recruiter, with(with(singleChoice("Spike"), "category", "scaling"),
                "difficulty", 2)).get("id").asString();
        String essay = createPublishedQuestion(recruiter, freeText("SQL or NoSQL")).get("id").asString();
        createPublishedQuestion(recruiter, with(with(multiChoice("Security"), "category", "security"), "difficulty", 3));
        createPublishedQuestion(recruiter, with(with(multiChoice("Security 2"), "category", "security"), "difficulty", 4));
        createTest(Map.of("title", "Backend screen", "description", "Fundamentals", "instructions", "No notes.",
                "durationMinutes", 30, "passMarkPercent", 60, "shuffleQuestions", true, "shuffleOptions", false,
                "sections", List.of(
                        Map.of("title", "Fixed", "questionIds", List.of(spike, essay)),
                        Map.of("title", "Pooled", "pool", Map.of("category", "security", "difficultyMin", 3,
                                "difficultyMax", 4, "count", 2)))));
        String retired = createTest(Map.of("title", "Old screen", "durationMinutes", 10, "passMarkPercent", 50,
                "sections", List.of(Map.of("title", "s", "questionIds", List.of(spike)))));
        api(recruiter).post("/api/tests/" + retired + "/retire", null).expect(200);

        // a selection of one question still carries the questions its tests name
        JsonNode exported = api(recruiter).get("/api/questions/export?includeTests=true&ids=" + spike).expect(200);
        assertThat(exported.get("tests")).hasSize(1);
        assertThat(exported.get("questions").valueStream().map(q -> q.get("key").asString()).toList())
                .containsExactlyInAnyOrder(spike, essay);
        assertThat(api(recruiter).get("/api/questions/export").expect(200).get("tests")).isEmpty();

        Caller other = Caller.recruiter(newTenant(), "user-9", "other@example.com");
        // the pool draws from the importing tenant's own published questions
        createPublishedQuestion(other, with(with(multiChoice("Their security"), "category", "security"), "difficulty", 3));
        createPublishedQuestion(other, with(with(multiChoice("Their security 2"), "category", "security"), "difficulty", 3));
        assertThat(api(other).post("/api/questions/import", exported).problem(400).toString()).contains("publish");
        assertThat(api(other).get("/api/questions?limit=10").expect(200).get("items")).hasSize(2);
        JsonNode report = api(other).post("/api/questions/import?publish=true", exported).expect(200);
        assertThat(report.get("testsCreated").asInt()).isEqualTo(1);
        String testId = report.get("tests").get(0).get("id").asString();
        Map<String, String> newIds = report.get("questions").valueStream()
                .collect(Collectors.toMap(r -> r.get("key").asString(), r -> r.get("id").asString()));

        JsonNode test = api(other).get("/api/tests/" + testId).expect(200);
        assertThat(test.get("status").asString()).isEqualTo("DRAFT");
        assertThat(test.get("title").asString()).isEqualTo("Backend screen");
        assertThat(test.get("instructions").asString()).isEqualTo("No notes.");
        assertThat(test.get("shuffleQuestions").asBoolean()).isTrue();
        assertThat(test.get("shuffleOptions").asBoolean()).isFalse();
        JsonNode sections = test.get("sections");
        assertThat(sections.get(0).get("questions").valueStream().map(q -> q.get("questionId").asString()).toList())
                .containsExactly(newIds.get(spike), newIds.get(essay));
        assertThat(sections.get(1).get("pool").get("category").asString()).isEqualTo("security");
        assertThat(sections.get(1).get("pool").get("count").asInt()).isEqualTo(2);
        api(other).post("/api/tests/" + testId + "/publish", null).expect(200);

        JsonNode again = api(other).post("/api/questions/import?publish=true", exported).expect(200);
        assertThat(again.get("testsCreated").asInt()).isZero();
        assertThat(again.get("tests").get(0).get("id").asString()).isEqualTo(testId);
        assertThat(api(other).get("/api/tests").expect(200).get("items")).hasSize(1);
    }

    @Test
    void aTestNamingAQuestionNotInTheFileRefusesTheImportAndStoresNothing() {
        String spike = createPublishedQuestion(recruiter, singleChoice("Spike")).get("id").asString();
        createTest(Map.of("title", "Screen", "durationMinutes", 30, "passMarkPercent", 60,
                "sections", List.of(Map.of("title", "Fixed", "questionIds", List.of(spike)))));
        ObjectNode exported = (ObjectNode) api(recruiter).get("/api/questions/export?includeTests=true").expect(200);
        ((ObjectNode) exported.get("tests").get(0)).put("durationMinutes", 0);
        ((ObjectNode) exported.get("tests").get(0).get("sections").get(0))
                .set("questionKeys", exported.arrayNode().add("q_missing"));

        Caller other = Caller.recruiter(newTenant(), "user-9", "other@example.com");
        String problem = api(other).post("/api/questions/import?publish=true", exported).problem(400).toString();

        assertThat(problem).contains("tests[0].sections[0].questionKeys", "q_missing", "tests[0].durationMinutes");
        assertThat(api(other).get("/api/questions").expect(200).get("items")).isEmpty();
        assertThat(api(other).get("/api/tests").expect(200).get("items")).isEmpty();
    }

    @Test
    void aFreeTextDraftWithoutRubricImportsAsADraftThatNeedsOneButIsNotPublished() {
        Map<String, Object> file = Map.of("version", 1, "questions", List.of(Map.of("key", "essay-1", "kind", "FREE_TEXT",
                "title", "Back-pressure", "prompt", "What do you do when consumers fall behind?")));

        assertThat(api(recruiter).post("/api/questions/import?publish=true", file).problem(400).toString())
                .contains("questions[0].rubric");
        assertThat(api(recruiter).get("/api/questions").expect(200).get("items")).isEmpty();

        String id = api(recruiter).post("/api/questions/import", file).expect(200).get("questions").get(0)
                .get("id").asString();
        JsonNode draft = api(recruiter).get("/api/questions/" + id).expect(200);
        assertThat(draft.get("needsRubric").asBoolean()).isTrue();
        assertThat(api(recruiter).post("/api/questions/" + id + "/publish", null).problem(422).get("field").asString())
                .isEqualTo("rubric");
    }

    @Test
    void aBankFileBiggerThanAnOrdinaryRequestImportsAndAFileOverTheUploadLimitIsRefused() {
        List<Map<String, Object>> questions = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<String, Object> question = new java.util.LinkedHashMap<>(with(singleChoice("Traffic spike " + i),
                    "prompt", "An API endpoint suddenly receives ten times its usual traffic. ".repeat(15)));
            question.put("key", "spike-" + i);
            questions.add(question);
        }
        Map<String, Object> file = Map.of("version", 1, "questions", questions);
        assertThat(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(file).length)
                .as("over the 256 KB every other request may carry").isGreaterThan(256 * 1024);

        JsonNode report = api(recruiter).post("/api/questions/import", file).expect(200);

        assertThat(report.get("created").asInt()).isEqualTo(300);
        // the upload limit still holds (1 MB in these tests, 16 MB by default)
        List<Map<String, Object>> tooMany = new java.util.ArrayList<>(questions);
        tooMany.replaceAll(q -> with(q, "prompt", "x".repeat(4000)));
        api(recruiter).post("/api/questions/import", Map.of("version", 1, "questions", tooMany))
                .problem(413, "payload-too-large");
    }

    @Test
    void aFileImportedWithPublishIsPublishedAtOnceWithOneEventPerQuestion() {
        Caller importer = Caller.recruiter(newTenant(), "user-7", "importer@example.com");
        List<Map<String, Object>> questions = List.of(with(singleChoice("Spike"), "key", "spike"),
                with(multiChoice("Security"), "key", "security"), with(freeText("SQL or NoSQL"), "key", "sql"));
        Map<String, Object> file = Map.of("version", 1, "questions", questions);

        JsonNode report = api(importer).post("/api/questions/import?publish=true", file).expect(200);

        assertThat(report.get("created").asInt()).isEqualTo(3);
        Map<String, String> ids = report.get("questions").valueStream()
                .collect(Collectors.toMap(r -> r.get("key").asString(), r -> r.get("id").asString()));
        Map<String, String> titles = Map.of("spike", "Spike", "security", "Security", "sql", "SQL or NoSQL");
        ids.forEach((key, id) -> {
            JsonNode question = api(importer).get("/api/questions/" + id).expect(200);
            assertThat(question.get("status").asString()).isEqualTo("PUBLISHED");
            assertThat(question.get("version").asInt()).isEqualTo(1);
            assertThat(api(importer).get("/api/questions/" + id + "/versions/1").expect(200).get("title").asString())
                    .isEqualTo(titles.get(key));
            // scoring builds its answer keys from this event alone
            QuestionPublished published = (QuestionPublished) topics.awaitRecords(Topics.QUESTIONS,
                    r -> id.equals(r.key()) && r.payload() instanceof QuestionPublished).get(0).payload();
            assertThat(published.title()).isEqualTo(titles.get(key));
            assertThat(published.version()).isEqualTo(1);
        });
        // usable in a test at once: a test naming them publishes
        api(importer).post("/api/tests/" + api(importer).post("/api/tests", Map.of("title", "Imported screen",
                "durationMinutes", 20, "passMarkPercent", 50, "sections", List.of(Map.of("title", "All",
                        "questionIds", List.copyOf(ids.values()))))).expect(201).get("id").asString() + "/publish",
                null).expect(200);

        assertThat(api(importer).post("/api/questions/import?publish=true", file).expect(200).get("alreadyImported")
                .asInt()).isEqualTo(3);
        // Retiring emits on the question's key, so once its event is read every earlier one has been too.
        String spike = ids.get("spike");
        api(importer).post("/api/questions/" + spike + "/retire", null).expect(200);
        topics.awaitRecords(Topics.QUESTIONS, r -> spike.equals(r.key()) && r.payload() instanceof QuestionRetired);
        assertThat(topics.readToEnd(Topics.QUESTIONS, r -> spike.equals(r.key())))
                .as("one publication, none from the second import").extracting(r -> r.envelope().type())
                .containsExactly("QuestionPublished", "QuestionRetired");
    }
}
