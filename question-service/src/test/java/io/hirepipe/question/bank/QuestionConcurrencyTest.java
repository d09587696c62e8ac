package io.hirepipe.question.bank;

import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.Test;

import static io.hirepipe.question.support.Questions.singleChoice;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionConcurrencyTest extends IntegrationTestBase {

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

    @Test
    void withoutIfMatchEditsWorkAsBefore() {
        String id = createQuestion(recruiter, singleChoice("Original")).get("id").asString();
        assertThat(api(recruiter).put("/api/questions/" + id, singleChoice("Edited")).expect(200)
                .get("title").asString()).isEqualTo("Edited");
    }
}
