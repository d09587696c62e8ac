package io.hirepipe.question.bank;

import io.hirepipe.question.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.hirepipe.question.support.Questions.freeText;
import static io.hirepipe.question.support.Questions.multiChoice;
import static io.hirepipe.question.support.Questions.singleChoice;
import static io.hirepipe.question.support.Questions.with;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionSearchTest extends IntegrationTestBase {

    private Map<String, Object> classified(Map<String, Object> body, String category, int difficulty) {
        return with(with(body, "category", category), "difficulty", difficulty);
    }

    private List<String> titles(String query) {
        List<String> titles = new ArrayList<>();
        api(recruiter).get("/api/questions" + query).expect(200).get("items")
                .forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }

    @Test
    void filtersCombineKindStatusTagCategoryAndDifficultyRange() {
        createPublishedQuestion(recruiter, classified(singleChoice("Easy scaling"), "Scaling", 1));
        createQuestion(recruiter, classified(singleChoice("Hard scaling draft"), "scaling", 4));
        createPublishedQuestion(recruiter, classified(multiChoice("Security pick"), "security", 3));
        createPublishedQuestion(recruiter, classified(freeText("Database essay"), "databases", 3));

        assertThat(titles("?kind=MULTI_CHOICE")).containsExactly("Security pick");
        assertThat(titles("?status=DRAFT")).containsExactly("Hard scaling draft");
        assertThat(titles("?category=scaling")).containsExactlyInAnyOrder("Easy scaling", "Hard scaling draft");
        assertThat(titles("?category=SCALING&difficultyMin=2")).containsExactly("Hard scaling draft");
        assertThat(titles("?difficultyMin=3&difficultyMax=3"))
                .containsExactlyInAnyOrder("Security pick", "Database essay");
        assertThat(titles("?tag=databases&kind=FREE_TEXT")).containsExactly("Database essay");
        assertThat(titles("?status=PUBLISHED&kind=SINGLE_CHOICE")).containsExactly("Easy scaling");
    }

    @Test
    void textSearchNeedsEveryWordOfTheQueryInTitlePromptOrTags() {
        createQuestion(recruiter, with(singleChoice("Traffic spike"), "prompt",
                "Your **API** gets ten times the usual traffic. What helps first?"));
        createQuestion(recruiter, with(singleChoice("Replication basics"), "prompt",
                "Why do read replicas help an API that is read-heavy?"));

        assertThat(titles("?q=api")).containsExactlyInAnyOrder("Traffic spike", "Replication basics");
        assertThat(titles("?q=API%20traffic")).containsExactly("Traffic spike");
        assertThat(titles("?q=Répliques")).isEmpty();
        assertThat(titles("?q=REPLICAS%20read")).containsExactly("Replication basics");
        assertThat(titles("?q=traffic%20replicas")).isEmpty();
        // Regex syntax is just text: it neither errors nor matches everything.
        assertThat(titles("?q=.*")).hasSize(2);
        assertThat(titles("?q=(traffic%7Creplication)")).isEmpty();
    }

    @Test
    void cursorPagesVisitEveryQuestionOnceNewestFirst() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(createQuestion(recruiter, singleChoice("Question " + i)).get("id").asString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api(recruiter).get("/api/questions?limit=3" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200);
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            assertThat(page.get("hasMore").asBoolean()).isEqualTo(cursor != null);
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(created);
        assertThat(seen.get(0)).isEqualTo(titlesToIds().get(0));
    }

    private List<String> titlesToIds() {
        List<String> ids = new ArrayList<>();
        api(recruiter).get("/api/questions").expect(200).get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    @Test
    void anotherTenantsQuestionsAreNeverListed() {
        createQuestion(recruiter, with(singleChoice("Mine"), "category", "scaling"));
        var other = io.hirepipe.defaults.security.Caller.recruiter(newTenant(), "user-2", "other@example.com");

        assertThat(api(other).get("/api/questions?category=scaling").expect(200).get("items")).isEmpty();
    }

    @Test
    void badSearchParametersAreProblemsNamingTheParameter() {
        assertThat(api(recruiter).get("/api/questions?cursor=not-a-cursor").problem(400).toString())
                .contains("cursor");
        assertThat(api(recruiter).get("/api/questions?difficultyMin=0").problem(400).toString())
                .contains("difficultyMin");
        assertThat(api(recruiter).get("/api/questions?difficultyMin=4&difficultyMax=2").problem(400).toString())
                .contains("difficultyMin");
        assertThat(api(recruiter).get("/api/questions?kind=ESSAY").problem(400).toString()).contains("kind");
        JsonNode kind = api(recruiter).get("/api/questions?kind=BOGUS").problem(400, "invalid-parameter");
        assertThat(kind.get("parameter").asString()).isEqualTo("kind");
        assertThat(kind.get("detail").asString())
                .isEqualTo("Parameter 'kind' must be one of [SINGLE_CHOICE, MULTI_CHOICE, FREE_TEXT].");
        JsonNode difficulty = api(recruiter).get("/api/questions?difficultyMin=abc").problem(400, "invalid-parameter");
        assertThat(difficulty.get("parameter").asString()).isEqualTo("difficultyMin");
        assertThat(difficulty.get("detail").asString()).isEqualTo("Parameter 'difficultyMin' must be a whole number.");
        JsonNode limit = api(recruiter).get("/api/questions?limit=0").problem(400, "invalid-request");
        assertThat(limit.get("parameter").asString()).isEqualTo("limit");
        assertThat(limit.get("errors").get(0).get("parameter").asString()).isEqualTo("limit");
        assertThat(api(recruiter).get("/api/questions?q=alpha%20beta%20gamma%20delta%20epsilon%20zeta%20eta%20theta%20iota%20kappa%20lambda")
                .problem(400).toString()).contains("q");
    }
}
