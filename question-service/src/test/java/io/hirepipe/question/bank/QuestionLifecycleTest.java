package io.hirepipe.question.bank;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.KeyPoint;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.contracts.events.QuestionRetired;
import io.hirepipe.contracts.events.Rubric;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.ApiClient;
import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.question.support.QuestionTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.IntStream;

import static io.hirepipe.question.support.Questions.freeText;
import static io.hirepipe.question.support.Questions.multiChoice;
import static io.hirepipe.question.support.Questions.singleChoice;
import static io.hirepipe.question.support.Questions.with;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionLifecycleTest extends IntegrationTestBase {

    @Test
    void createdQuestionIsADraftAtVersionOneThatReadsBackTheSame() {
        ApiClient.Response created = api.post("/api/questions", recruiter, singleChoice("Traffic spike"));

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

        ApiClient.Response read = api.get("/api/questions/" + id, recruiter);
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

        assertThat(api.get("/api/questions/" + id, recruiter).status()).isEqualTo(200);
        assertThat(api.post("/api/questions/" + id + "/publish", platform, null).json().get("status").asString())
                .isEqualTo("PUBLISHED");
    }

    @Test
    void listIsNewestFirstAndFiltersByStatusAndTag() {
        String first = createQuestion(recruiter, singleChoice("First")).get("id").asString();
        String second = createPublishedQuestion(recruiter, freeText("Second")).get("id").asString();
        String third = createQuestion(recruiter, multiChoice("Third")).get("id").asString();
        createQuestion(Caller.recruiter(newTenant(), "someone-else", null), singleChoice("Elsewhere"));

        assertThat(ids(api.get("/api/questions", recruiter))).containsExactly(third, second, first);
        assertThat(ids(api.get("/api/questions?status=PUBLISHED", recruiter))).containsExactly(second);
        assertThat(ids(api.get("/api/questions?status=DRAFT", recruiter))).containsExactly(third, first);
        assertThat(ids(api.get("/api/questions?tag=api", recruiter))).containsExactly(third, first);
        assertThat(ids(api.get("/api/questions?tag=databases&status=DRAFT", recruiter))).isEmpty();
        assertThat(ids(api.get("/api/questions?limit=2", recruiter))).containsExactly(third, second);
    }

    @Test
    void aDraftIsEditedInPlace() {
        String id = createQuestion(recruiter, singleChoice("Before")).get("id").asString();

        ApiClient.Response edited = api.put("/api/questions/" + id, recruiter, singleChoice("After"));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("version").asInt()).isEqualTo(1);
        assertThat(edited.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(api.get("/api/questions/" + id, recruiter).json().get("title").asString()).isEqualTo("After");
    }

    @Test
    void editingAPublishedQuestionStartsTheNextVersionAndKeepsThePublishedOneIntact() {
        String id = createPublishedQuestion(recruiter, singleChoice("Version one")).get("id").asString();

        JsonNode draft = api.put("/api/questions/" + id, recruiter,
                with(singleChoice("Version two"), "correctOptionIds", List.of("b"))).json();

        assertThat(draft.get("version").asInt()).isEqualTo(2);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(draft.get("publishedAt").isNull()).isTrue();
        JsonNode v1 = api.get("/api/questions/" + id + "/versions/1", recruiter).json();
        assertThat(v1.get("title").asString()).isEqualTo("Version one");
        assertThat(v1.get("correctOptionIds").toString()).isEqualTo("[\"a\"]");
        assertThat(api.get("/api/questions/" + id + "/versions/2", recruiter).status())
                .as("a draft is not a published version").isEqualTo(404);

        // Editing the new draft again stays at version 2.
        assertThat(api.put("/api/questions/" + id, recruiter, singleChoice("Version two, fixed")).json()
                .get("version").asInt()).isEqualTo(2);
        JsonNode published = api.post("/api/questions/" + id + "/publish", recruiter, null).json();
        assertThat(published.get("version").asInt()).isEqualTo(2);
        assertThat(published.get("publishedVersion").asInt()).isEqualTo(2);
        assertThat(api.get("/api/questions/" + id + "/versions/2", recruiter).json().get("title").asString())
                .isEqualTo("Version two, fixed");
        assertThat(api.get("/api/questions/" + id + "/versions/1", recruiter).json()).isEqualTo(v1);
    }

    @Test
    void publishingEmitsTheFullItemWithItsAnswerKeyOnce() {
        try (QuestionTopic topic = new QuestionTopic()) {
            String id = createQuestion(recruiter, freeText("SQL or NoSQL")).get("id").asString();

            ApiClient.Response first = api.post("/api/questions/" + id + "/publish", recruiter, null);
            ApiClient.Response second = api.post("/api/questions/" + id + "/publish", recruiter, null);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().get("status").asString()).isEqualTo("PUBLISHED");
            assertThat(first.json().get("publishedAt").asString()).isNotBlank();
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.json()).as("publishing again changes nothing").isEqualTo(first.json());

            ConsumerRecord<String, EventEnvelope<EventPayload>> record =
                    topic.awaitRecord(id, payload -> payload instanceof QuestionPublished);
            EventEnvelope<EventPayload> envelope = record.value();
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
            api.post("/api/questions/" + id + "/retire", recruiter, null);
            topic.awaitRecord(id, payload -> payload instanceof QuestionRetired);
            assertThat(topic.recordsFor(id)).extracting(r -> r.value().type())
                    .containsExactly("QuestionPublished", "QuestionRetired");
        }
    }

    @Test
    void concurrentPublishesOfOneDraftEmitOneEvent() {
        try (QuestionTopic topic = new QuestionTopic()) {
            String id = createQuestion(recruiter, singleChoice("Raced")).get("id").asString();

            List<ApiClient.Response> responses = IntStream.range(0, 6).parallel()
                    .mapToObj(i -> api.post("/api/questions/" + id + "/publish", recruiter, null))
                    .toList();

            assertThat(responses).extracting(ApiClient.Response::status).containsOnly(200);
            api.post("/api/questions/" + id + "/retire", recruiter, null);
            topic.awaitRecord(id, payload -> payload instanceof QuestionRetired);
            assertThat(topic.recordsFor(id)).extracting(r -> r.value().type())
                    .containsExactly("QuestionPublished", "QuestionRetired");
        }
    }

    @Test
    void aQuestionHasAtMostFiftyVersions() {
        String id = createPublishedQuestion(recruiter, singleChoice("v1")).get("id").asString();
        for (int version = 2; version <= QuestionDocument.MAX_VERSIONS; version++) {
            api.put("/api/questions/" + id, recruiter, singleChoice("v" + version));
            assertThat(api.post("/api/questions/" + id + "/publish", recruiter, null).json().get("version").asInt())
                    .isEqualTo(version);
        }

        ApiClient.Response oneMore = api.put("/api/questions/" + id, recruiter, singleChoice("v51"));

        assertThat(oneMore.status()).isEqualTo(409);
        assertThat(oneMore.json().get("type").asString()).endsWith("/version-limit");
        assertThat(api.get("/api/questions/" + id + "/versions/1", recruiter).json().get("title").asString())
                .isEqualTo("v1");
        assertThat(api.get("/api/questions/" + id + "/versions/50", recruiter).json().get("title").asString())
                .isEqualTo("v50");
    }

    @Test
    void aChoiceQuestionIsPublishedWithItsOptionsAndCorrectIds() {
        try (QuestionTopic topic = new QuestionTopic()) {
            String id = createPublishedQuestion(recruiter, multiChoice("REST security")).get("id").asString();

            QuestionPublished published = (QuestionPublished) topic.awaitRecord(id,
                    payload -> payload instanceof QuestionPublished).value().payload();

            assertThat(published.options()).containsExactly(new ChoiceOption("https", "HTTPS everywhere"),
                    new ChoiceOption("validation", "Input validation"),
                    new ChoiceOption("verbose", "Verbose stack traces in responses"));
            assertThat(published.correctOptionIds()).containsExactly("https", "validation");
            assertThat(published.maxPoints()).isEqualTo(1);
            assertThat(published.rubric()).isNull();
        }
    }

    @Test
    void eachPublishedVersionIsItsOwnEvent() {
        try (QuestionTopic topic = new QuestionTopic()) {
            String id = createPublishedQuestion(recruiter, singleChoice("One")).get("id").asString();
            api.put("/api/questions/" + id, recruiter, singleChoice("Two"));
            api.post("/api/questions/" + id + "/publish", recruiter, null);

            topic.awaitRecord(id, payload -> payload instanceof QuestionPublished p && p.version() == 2);

            assertThat(topic.recordsFor(id)).extracting(r -> ((QuestionPublished) r.value().payload()).title())
                    .containsExactly("One", "Two");
        }
    }

    @Test
    void retiringEndsTheLifecycleOnceAndForAll() {
        try (QuestionTopic topic = new QuestionTopic()) {
            String id = createPublishedQuestion(recruiter, singleChoice("Retire me")).get("id").asString();
            api.put("/api/questions/" + id, recruiter, singleChoice("A draft of version two"));

            ApiClient.Response retired = api.post("/api/questions/" + id + "/retire", recruiter, null);
            ApiClient.Response again = api.post("/api/questions/" + id + "/retire", recruiter, null);

            assertThat(retired.status()).isEqualTo(200);
            assertThat(retired.json().get("status").asString()).isEqualTo("RETIRED");
            assertThat(again.json()).isEqualTo(retired.json());
            QuestionRetired event = (QuestionRetired) topic.awaitRecord(id,
                    payload -> payload instanceof QuestionRetired).value().payload();
            assertThat(event).as("names the newest published version").isEqualTo(new QuestionRetired(id, 1));

            ApiClient.Response edit = api.put("/api/questions/" + id, recruiter, singleChoice("Too late"));
            ApiClient.Response publish = api.post("/api/questions/" + id + "/publish", recruiter, null);
            assertThat(edit.status()).isEqualTo(409);
            assertThat(edit.isProblem()).isTrue();
            assertThat(publish.status()).isEqualTo(409);
            assertThat(publish.json().get("type").asString()).endsWith("/question-retired");
            assertThat(api.get("/api/questions/" + id + "/versions/1", recruiter).status())
                    .as("what was published stays readable").isEqualTo(200);
        }
    }

    private static List<String> ids(ApiClient.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().valueStream().map(q -> q.get("id").asString()).toList();
    }

}
