package io.hirepipe.question.bank;

import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.testkit.AtOnce;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.hirepipe.question.support.Questions.singleChoice;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionConcurrencyTest extends IntegrationTestBase {

    private final EventTopics topics = EventTopics.shared();

    @Test
    void staleIfMatchOnEditPublishOrRetireIsRefusedWith412AndChangesNothing() {
        String id = createQuestion(recruiter, singleChoice("Original")).get("id").asString();
        HttpApi.Response first = api(recruiter).get("/api/questions/" + id);
        String etag = first.header("ETag").orElseThrow();

        HttpApi.Response edited = api(recruiter).withHeader("If-Match", etag)
                .put("/api/questions/" + id, singleChoice("Edited by Alice"));
        assertThat(edited.status()).isEqualTo(200);
        String newTag = edited.header("ETag").orElseThrow();
        assertThat(newTag).isNotEqualTo(etag);

        // Bob still holds the first tag.
        assertThat(api(recruiter).withHeader("If-Match", etag).put("/api/questions/" + id, singleChoice("Bob"))
                .problem(412, "precondition-failed").toString()).contains("If-Match");
        assertThat(api(recruiter).withHeader("If-Match", etag).post("/api/questions/" + id + "/publish", null)
                .problem(412, "precondition-failed")).isNotNull();
        assertThat(api(recruiter).withHeader("If-Match", etag).post("/api/questions/" + id + "/retire", null)
                .problem(412, "precondition-failed")).isNotNull();

        HttpApi.Response now = api(recruiter).get("/api/questions/" + id);
        assertThat(now.json().get("title").asString()).isEqualTo("Edited by Alice");
        assertThat(now.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(now.header("ETag")).hasValue(newTag);

        assertThat(api(recruiter).withHeader("If-Match", newTag).post("/api/questions/" + id + "/publish", null)
                .expect(200).get("status").asString()).isEqualTo("PUBLISHED");
    }

    /**
     * Publish pressed twice at once, on a question and on a test: both answer the published item, one version is
     * frozen, and the question's QuestionPublished goes out once.
     */
    @Test
    void publishingAtOnceFreezesOneVersionAndAnnouncesItOnce() throws Exception {
        String id = createQuestion(recruiter, singleChoice("Twice")).get("id").asString();

        List<HttpApi.Response> questions = AtOnce.run(3, click -> () -> api(recruiter)
                .post("/api/questions/" + id + "/publish", null));

        questions.forEach(answer -> assertThat(answer.expect(200).get("publishedVersion").asInt()).isEqualTo(1));
        assertThat(api(recruiter).get("/api/questions/" + id + "/versions").expect(200).get("items")).hasSize(1);
        topics.awaitRecords(Topics.QUESTIONS, r -> id.equals(r.key()) && r.payload() instanceof QuestionPublished);
        assertThat(topics.readToEnd(Topics.QUESTIONS, r -> id.equals(r.key()) && r.payload() instanceof QuestionPublished))
                .hasSize(1);

        String test = api(recruiter).post("/api/tests", Map.of("title", "Screen", "draft", true, "durationMinutes", 30,
                "passMarkPercent", 60, "sections", List.of(Map.of("title", "s", "questionIds", List.of(id)))))
                .expect(201).get("id").asString();

        List<HttpApi.Response> tests = AtOnce.run(3, click -> () -> api(recruiter)
                .post("/api/tests/" + test + "/publish", null));

        tests.forEach(answer -> assertThat(answer.expect(200).get("publishedVersion").asInt()).isEqualTo(1));
        assertThat(api(recruiter).put("/api/tests/" + test, Map.of("title", "Screen v2", "durationMinutes", 30,
                "passMarkPercent", 60, "sections", List.of(Map.of("title", "s", "questionIds", List.of(id)))))
                .expect(200).get("version").asInt()).as("the next version after one published").isEqualTo(2);
    }

    @Test
    void withoutIfMatchEditsWorkAsBefore() {
        String id = createQuestion(recruiter, singleChoice("Original")).get("id").asString();
        assertThat(api(recruiter).put("/api/questions/" + id, singleChoice("Edited")).expect(200)
                .get("title").asString()).isEqualTo("Edited");
    }
}
