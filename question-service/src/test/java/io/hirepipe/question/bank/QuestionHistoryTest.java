package io.hirepipe.question.bank;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.hirepipe.question.support.Questions.singleChoice;
import static io.hirepipe.question.support.Questions.with;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionHistoryTest extends IntegrationTestBase {

    @Test
    void theHistoryListsEachPublishedVersionAsItWasFrozen() {
        String id = createPublishedQuestion(recruiter, with(singleChoice("First wording"), "difficulty", 2))
                .get("id").asString();
        api(recruiter).put("/api/questions/" + id, with(singleChoice("Second wording"), "difficulty", 3)).expect(200);
        api(recruiter).post("/api/questions/" + id + "/publish", null).expect(200);
        api(recruiter).put("/api/questions/" + id, singleChoice("Third, still a draft")).expect(200);

        JsonNode history = api(recruiter).get("/api/questions/" + id + "/versions").expect(200).get("items");

        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(history.get(0).get("title").asString()).isEqualTo("First wording");
        assertThat(history.get(0).get("difficulty").asInt()).isEqualTo(2);
        assertThat(history.get(1).get("title").asString()).isEqualTo("Second wording");
        assertThat(history.get(1).get("promptHtml").asString()).startsWith("<p>");
    }

    @Test
    void anotherTenantsQuestionHasNoHistoryToShow() {
        String id = createPublishedQuestion(recruiter, singleChoice("Mine")).get("id").asString();
        api(Caller.recruiter(newTenant(), "u", "x@example.com")).get("/api/questions/" + id + "/versions").problem(404);
        assertThat(api(recruiter).get("/api/questions/q_unknown/versions").problem(404)).isNotNull();
    }
}
