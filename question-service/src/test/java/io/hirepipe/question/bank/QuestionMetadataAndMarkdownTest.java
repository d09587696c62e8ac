package io.hirepipe.question.bank;

import io.hirepipe.question.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static io.hirepipe.question.support.Questions.singleChoice;
import static io.hirepipe.question.support.Questions.with;
import static org.assertj.core.api.Assertions.assertThat;

class QuestionMetadataAndMarkdownTest extends IntegrationTestBase {

    @Test
    void questionCarriesCategoryDifficultyTimeWhyWeAskAndItsAuthor() {
        Map<String, Object> body = with(with(with(with(singleChoice("Spike"), "category", "Scaling"),
                "difficulty", 3), "suggestedTimeSeconds", 90), "whyWeAsk", "Shows whether they scale before they tune.");

        JsonNode created = createQuestion(recruiter, body);

        assertThat(created.get("category").asString()).isEqualTo("scaling");
        assertThat(created.get("difficulty").asInt()).isEqualTo(3);
        assertThat(created.get("suggestedTimeSeconds").asInt()).isEqualTo(90);
        assertThat(created.get("whyWeAsk").asString()).isEqualTo("Shows whether they scale before they tune.");
        assertThat(created.get("author").asString()).isEqualTo(recruiter.email());
    }

    @Test
    void markdownPromptIsRenderedAndScriptIsStrippedNotRefused() {
        String markdown = "Given this *schema*:\n\n```sql\nSELECT 1;\n```\n\n<script>alert('x')</script>"
                + "<img src=x onerror=alert(1)>\n\n[docs](javascript:alert(1)) and <b onclick=\"evil()\">bold</b>";

        JsonNode created = createQuestion(recruiter, with(singleChoice("Markdown"), "prompt", markdown));
        String html = created.get("promptHtml").asString();

        assertThat(created.get("promptMarkdown").asString()).isEqualTo(markdown);
        assertThat(html).contains("<em>schema</em>").contains("<code class=\"language-sql\">SELECT 1;");
        assertThat(html).doesNotContain("<script").doesNotContain("alert('x')").doesNotContain("onerror")
                .doesNotContain("onclick").doesNotContain("href=\"javascript").doesNotContain("<img");
        assertThat(html).contains("<b>bold</b>");
        // Stored that way: a fresh read gives the same safe HTML.
        assertThat(api(recruiter).get("/api/questions/" + created.get("id").asString()).expect(200)
                .get("promptHtml").asString()).isEqualTo(html);
    }

    @Test
    void difficultyOutsideOneToFiveIsRefusedAndNothingIsStored() {
        for (int difficulty : new int[]{0, 6}) {
            JsonNode problem = api(recruiter).post("/api/questions",
                    with(singleChoice("Too hard"), "difficulty", difficulty)).problem(400);
            assertThat(problem.toString()).contains("difficulty");
        }
        JsonNode badCategory = api(recruiter).post("/api/questions",
                with(singleChoice("Odd category"), "category", "$where")).problem(400);
        assertThat(badCategory.toString()).contains("category");

        assertThat(api(recruiter).get("/api/questions").expect(200).get("items")).isEmpty();
    }
}
