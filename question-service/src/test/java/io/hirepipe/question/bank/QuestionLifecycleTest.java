package io.hirepipe.question.bank;

import io.hirepipe.testkit.OpenApiAssertions;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.KeyPoint;
import io.hirepipe.contracts.events.Misconception;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.contracts.events.QuestionRetired;
import io.hirepipe.contracts.events.Rubric;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static io.hirepipe.question.support.Questions.freeText;
import static io.hirepipe.question.support.Questions.multiChoice;
import static io.hirepipe.question.support.Questions.singleChoice;
import static io.hirepipe.question.support.Questions.with;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionLifecycleTest extends IntegrationTestBase {

    private final EventTopics topics = EventTopics.shared();

    @Test
    void createdQuestionIsADraftAtVersionOneThatReadsBackTheSame() {
        HttpApi.Response created = api(recruiter).post("/api/questions", singleChoice("Traffic spike"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode question = created.json();
        String id = question.get("id").asString();
        assertThat(created.location()).hasValue("/api/questions/" + id);
        assertThat(question.get("version").asInt()).isEqualTo(1);
        assertThat(question.get("status").asString()).isEqualTo("DRAFT");
        assertThat(question.get("kind").asString()).isEqualTo("SINGLE_CHOICE");
        assertThat(question.get("points").asInt()).isEqualTo(2);
        assertThat(question.get("correctOptionIds").toString()).isEqualTo("[\"a\"]");
        assertThat(question.get("options")).hasSize(3);
        assertThat(question.get("publishedAt").isNull()).isTrue();
        assertThat(question.get("createdAt").asString()).isNotBlank();

        HttpApi.Response read = api(recruiter).get("/api/questions/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(question);
    }

    @Test
    void freeTextQuestionIsWorthTheSumOfItsKeyPoints() {
        JsonNode question = createQuestion(recruiter, freeText("SQL or NoSQL"));

        assertThat(question.get("points").asInt()).isEqualTo(5);
        assertThat(question.get("options")).isEmpty();
        assertThat(question.at("/rubric/keyPoints/0/phrases").toString()).isEqualTo("[\"relational\",\"schema\"]");
    }

    @Test
    void aPlatformClientManagesQuestionsLikeARecruiter() {
        Caller platform = Caller.platform(tenant, "key-1");
        String id = createQuestion(platform, multiChoice("REST security")).get("id").asString();

        assertThat(api(recruiter).get("/api/questions/" + id).status()).isEqualTo(200);
        assertThat(api(platform).post("/api/questions/" + id + "/publish", null).json().get("status").asString())
                .isEqualTo("PUBLISHED");
    }

    @Test
    void listIsNewestFirstAndFiltersByStatusAndTag() {
        String first = createQuestion(recruiter, singleChoice("First")).get("id").asString();
        String second = createPublishedQuestion(recruiter, freeText("Second")).get("id").asString();
        String third = createQuestion(recruiter, multiChoice("Third")).get("id").asString();
        createQuestion(Caller.recruiter(newTenant(), "someone-else", null), singleChoice("Elsewhere"));

        assertThat(ids(api(recruiter).get("/api/questions"))).containsExactly(third, second, first);
        assertThat(ids(api(recruiter).get("/api/questions?status=PUBLISHED"))).containsExactly(second);
        assertThat(ids(api(recruiter).get("/api/questions?status=DRAFT"))).containsExactly(third, first);
        assertThat(ids(api(recruiter).get("/api/questions?tag=api"))).containsExactly(third, first);
        assertThat(ids(api(recruiter).get("/api/questions?tag=databases&status=DRAFT"))).isEmpty();
        assertThat(ids(api(recruiter).get("/api/questions?limit=2"))).containsExactly(third, second);
    }

    @Test
    void aDraftIsEditedInPlace() {
        String id = createQuestion(recruiter, singleChoice("Before")).get("id").asString();

        HttpApi.Response edited = api(recruiter).put("/api/questions/" + id, singleChoice("After"));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("version").asInt()).isEqualTo(1);
        assertThat(edited.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(api(recruiter).get("/api/questions/" + id).json().get("title").asString()).isEqualTo("After");
    }

    @Test
    void editingAPublishedQuestionStartsTheNextVersionAndKeepsThePublishedOneIntact() {
        String id = createPublishedQuestion(recruiter, singleChoice("Version one")).get("id").asString();

        JsonNode draft = api(recruiter).put("/api/questions/" + id,
                with(singleChoice("Version two"), "correctOptionIds", List.of("b"))).json();

        assertThat(draft.get("version").asInt()).isEqualTo(2);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(draft.get("publishedAt").isNull()).isTrue();
        JsonNode v1 = api(recruiter).get("/api/questions/" + id + "/versions/1").json();
        assertThat(v1.get("title").asString()).isEqualTo("Version one");
        assertThat(v1.get("correctOptionIds").toString()).isEqualTo("[\"a\"]");
        assertThat(api(recruiter).get("/api/questions/" + id + "/versions/2").status())
                .as("a draft is not a published version").isEqualTo(404);

        // Editing the new draft again stays at version 2.
        assertThat(api(recruiter).put("/api/questions/" + id, singleChoice("Version two, fixed")).json()
                .get("version").asInt()).isEqualTo(2);
        JsonNode published = api(recruiter).post("/api/questions/" + id + "/publish", null).json();
        assertThat(published.get("version").asInt()).isEqualTo(2);
        assertThat(published.get("publishedVersion").asInt()).isEqualTo(2);
        assertThat(api(recruiter).get("/api/questions/" + id + "/versions/2").json().get("title").asString())
                .isEqualTo("Version two, fixed");
        assertThat(api(recruiter).get("/api/questions/" + id + "/versions/1").json()).isEqualTo(v1);
    }

    @Test
    void publishingEmitsTheFullItemWithItsAnswerKeyOnce() {
        String id = createQuestion(recruiter, freeText("SQL or NoSQL")).get("id").asString();

        HttpApi.Response first = api(recruiter).post("/api/questions/" + id + "/publish", null);
        HttpApi.Response second = api(recruiter).post("/api/questions/" + id + "/publish", null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(first.json().get("publishedAt").asString()).isNotBlank();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).as("publishing again changes nothing").isEqualTo(first.json());

        EventRecord record = awaitEvent(id, payload -> payload instanceof QuestionPublished);
        EventEnvelope<EventPayload> envelope = record.envelope();
        assertThat(envelope.type()).isEqualTo("QuestionPublished");
        assertThat(envelope.tenantId()).isEqualTo(tenant);
        assertThat(envelope.correlationId()).isNotBlank();
        assertThat(envelope.payload()).isEqualTo(new QuestionPublished(id, 1, QuestionKind.FREE_TEXT,
                "SQL or NoSQL", "How do you decide between a SQL and a NoSQL database for a new project?",
                List.of(), List.of(), new Rubric(List.of(
                        new KeyPoint("structure", "Relational versus unstructured data",
                                List.of("relational", "schema"), 3),
                        new KeyPoint("acid", "ACID requirements", List.of("ACID", "transactions"), 2))),
                5, List.of("databases")));

        // Retiring emits on the same key, so once its event is read every earlier one has been too.
        api(recruiter).post("/api/questions/" + id + "/retire", null);
        awaitEvent(id, payload -> payload instanceof QuestionRetired);
        assertThat(eventsAbout(id)).extracting(r -> r.envelope().type())
                .containsExactly("QuestionPublished", "QuestionRetired");
    }

    @Test
    void concurrentPublishesOfOneDraftEmitOneEvent() {
        String id = createQuestion(recruiter, singleChoice("Raced")).get("id").asString();

        List<HttpApi.Response> responses = IntStream.range(0, 6).parallel()
                .mapToObj(i -> api(recruiter).post("/api/questions/" + id + "/publish", null))
                .toList();

        assertThat(responses).extracting(HttpApi.Response::status).containsOnly(200);
        api(recruiter).post("/api/questions/" + id + "/retire", null);
        awaitEvent(id, payload -> payload instanceof QuestionRetired);
        assertThat(eventsAbout(id)).extracting(r -> r.envelope().type())
                .containsExactly("QuestionPublished", "QuestionRetired");
    }

    @Test
    void aQuestionHasAtMostFiftyVersions() {
        String id = createPublishedQuestion(recruiter, singleChoice("v1")).get("id").asString();
        for (int version = 2; version <= QuestionDocument.MAX_VERSIONS; version++) {
            api(recruiter).put("/api/questions/" + id, singleChoice("v" + version));
            assertThat(api(recruiter).post("/api/questions/" + id + "/publish", null).json().get("version").asInt())
                    .isEqualTo(version);
        }

        HttpApi.Response oneMore = api(recruiter).put("/api/questions/" + id, singleChoice("v51"));

        assertThat(oneMore.status()).isEqualTo(409);
        assertThat(oneMore.json().get("type").asString()).endsWith("/version-limit");
        assertThat(api(recruiter).get("/api/questions/" + id + "/versions/1").json().get("title").asString())
                .isEqualTo("v1");
        assertThat(api(recruiter).get("/api/questions/" + id + "/versions/50").json().get("title").asString())
                .isEqualTo("v50");
    }

    @Test
    void aChoiceQuestionIsPublishedWithItsOptionsAndCorrectIds() {
        String id = createPublishedQuestion(recruiter, multiChoice("REST security")).get("id").asString();

        QuestionPublished published = (QuestionPublished) awaitEvent(id,
                payload -> payload instanceof QuestionPublished).payload();

        assertThat(published.options()).containsExactly(new ChoiceOption("https", "HTTPS everywhere"),
                new ChoiceOption("validation", "Input validation"),
                new ChoiceOption("verbose", "Verbose stack traces in responses"));
        assertThat(published.correctOptionIds()).containsExactly("https", "validation");
        assertThat(published.maxPoints()).isEqualTo(1);
        assertThat(published.rubric()).isNull();
    }

    @Test
    void examplesMisconceptionsAndPartialCreditAreKeptAndPublished() {
        Map<String, Object> free = with(freeText("Sharding"), "rubric", Map.of(
                "keyPoints", List.of(Map.of("id", "split", "description", "Sharding splits data across servers",
                        "phrases", List.of("split", "partition"), "points", 3,
                        "examples", List.of("Each shard holds only part of the rows."))),
                "misconceptions", List.of(Map.of("id", "copies-all", "description",
                        "Sharding copies all data to every node", "phrases", List.of("copies all data"), "points", 1))));
        String freeId = createPublishedQuestion(recruiter, free).get("id").asString();
        String multiId = createPublishedQuestion(recruiter, with(multiChoice("REST security"), "choiceScoring",
                "PARTIAL")).get("id").asString();

        QuestionPublished freePublished = (QuestionPublished) awaitEvent(freeId,
                payload -> payload instanceof QuestionPublished).payload();
        QuestionPublished multiPublished = (QuestionPublished) awaitEvent(multiId,
                payload -> payload instanceof QuestionPublished).payload();

        assertThat(freePublished.rubric().keyPoints().get(0).examples())
                .containsExactly("Each shard holds only part of the rows.");
        assertThat(freePublished.rubric().misconceptions()).containsExactly(new Misconception("copies-all",
                "Sharding copies all data to every node", List.of("copies all data"), 1));
        assertThat(freePublished.maxPoints()).as("misconceptions cost, they are not worth anything").isEqualTo(3);
        assertThat(multiPublished.choiceScoring()).isEqualTo(ChoiceScoring.PARTIAL);
        JsonNode view = api(recruiter).get("/api/questions/" + multiId).json();
        assertThat(view.get("choiceScoring").asString()).isEqualTo("PARTIAL");
        assertThat(api(recruiter).get("/api/questions/" + freeId + "/versions/1").json()
                .at("/rubric/misconceptions/0/id").asString()).isEqualTo("copies-all");
    }

    @Test
    void aChoiceQuestionIsAllOrNothingUnlessItSaysOtherwise() {
        String id = createPublishedQuestion(recruiter, multiChoice("Default scoring")).get("id").asString();

        assertThat(((QuestionPublished) awaitEvent(id, payload -> payload instanceof QuestionPublished).payload())
                .choiceScoring()).isEqualTo(ChoiceScoring.ALL_OR_NOTHING);
        assertThat(api(recruiter).get("/api/questions/" + id).json().get("choiceScoring").asString())
                .isEqualTo("ALL_OR_NOTHING");
    }

    @Test
    void eachPublishedVersionIsItsOwnEvent() {
        String id = createPublishedQuestion(recruiter, singleChoice("One")).get("id").asString();
        api(recruiter).put("/api/questions/" + id, singleChoice("Two"));
        api(recruiter).post("/api/questions/" + id + "/publish", null);

        awaitEvent(id, payload -> payload instanceof QuestionPublished p && p.version() == 2);

        assertThat(eventsAbout(id)).extracting(r -> ((QuestionPublished) r.payload()).title())
                .containsExactly("One", "Two");
    }

    @Test
    void retiringEndsTheLifecycleOnceAndForAll() {
        String id = createPublishedQuestion(recruiter, singleChoice("Retire me")).get("id").asString();
        api(recruiter).put("/api/questions/" + id, singleChoice("A draft of version two"));

        HttpApi.Response retired = api(recruiter).post("/api/questions/" + id + "/retire", null);
        HttpApi.Response again = api(recruiter).post("/api/questions/" + id + "/retire", null);

        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.json().get("status").asString()).isEqualTo("RETIRED");
        assertThat(again.json()).isEqualTo(retired.json());
        QuestionRetired event = (QuestionRetired) awaitEvent(id,
                payload -> payload instanceof QuestionRetired).payload();
        assertThat(event).as("names the newest published version").isEqualTo(new QuestionRetired(id, 1));

        HttpApi.Response edit = api(recruiter).put("/api/questions/" + id, singleChoice("Too late"));
        HttpApi.Response publish = api(recruiter).post("/api/questions/" + id + "/publish", null);
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.isProblem()).isTrue();
        assertThat(publish.status()).isEqualTo(409);
        assertThat(publish.json().get("type").asString()).endsWith("/question-retired");
        assertThat(api(recruiter).get("/api/questions/" + id + "/versions/1").status())
                .as("what was published stays readable").isEqualTo(200);
    }

    /** Waits until an event about {@code questionId} on the questions topic satisfies {@code condition}. */
    private EventRecord awaitEvent(String questionId, Predicate<EventPayload> condition) {
        return topics.awaitRecords(Topics.QUESTIONS, r -> questionId.equals(r.key()) && condition.test(r.payload()))
                .get(0);
    }

    /** Every event about {@code questionId} so far, in order: they share a key, so a partition. */
    private List<EventRecord> eventsAbout(String questionId) {
        return topics.readToEnd(Topics.QUESTIONS, r -> questionId.equals(r.key()));
    }

    private static List<String> ids(HttpApi.Response list) {
        JsonNode body = list.expect(200);
        assertThat(body.propertyNames()).as("a list is an object with its paging members")
                .containsExactlyInAnyOrder("items", "nextCursor", "hasMore");
        return body.get("items").valueStream().map(q -> q.get("id").asString()).toList();
    }

    @Test
    void theApiDescriptionSaysACreatedQuestionOrTestIs201() {
        JsonNode paths = api(null).get("/v3/api-docs").expect(200).path("paths");

        for (String path : List.of("/api/questions", "/api/tests")) {
            JsonNode responses = paths.path(path).path("post").path("responses");
            assertThat(responses.has("201")).as(path + " " + responses).isTrue();
            assertThat(responses.has("200")).as(path + " " + responses).isFalse();
        }
    }

    @Test
    void everyOperationHasASummaryExamplesAndProblemExamples() {
        OpenApiAssertions.assertEveryOperationIsDescribed(api(null).get("/v3/api-docs").expect(200));
    }
}
