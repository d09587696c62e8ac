package io.hirepipe.question.transfer;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.hirepipe.question.support.Questions.freeText;
import static io.hirepipe.question.support.Questions.multiChoice;
import static io.hirepipe.question.support.Questions.singleChoice;
import static io.hirepipe.question.support.Questions.with;
import static org.assertj.core.api.Assertions.assertThat;

class JsonTransferTest extends IntegrationTestBase {

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
}
