package io.hirepipe.question.starter;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StarterBankInstallTest extends IntegrationTestBase {

    private int countQuestions(Caller caller, String query) {
        int count = 0;
        String cursor = null;
        do {
            JsonNode page = api(caller).get("/api/questions?limit=50" + query
                    + (cursor == null ? "" : "&cursor=" + cursor)).expect(200);
            count += page.get("items").size();
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return count;
    }

    @Test
    void installsPublishedQuestionsAndThreeTestsOnceAndASecondInstallAddsNothing() {
        int expected = StarterBank.load().questions().size();

        JsonNode first = api(recruiter).post("/api/questions/starter-bank", null).expect(200);
        assertThat(first.get("questionsInstalled").asInt()).isEqualTo(expected);
        assertThat(first.get("testsInstalled").asInt()).isEqualTo(3);

        JsonNode second = api(recruiter).post("/api/questions/starter-bank", null).expect(200);
        assertThat(second.get("questionsInstalled").asInt()).isZero();
        assertThat(second.get("questionsAlreadyPresent").asInt()).isEqualTo(expected);
        assertThat(second.get("testsInstalled").asInt()).isZero();
        assertThat(second.get("tests")).isEqualTo(first.get("tests"));

        assertThat(countQuestions(recruiter, "&status=PUBLISHED")).isEqualTo(expected);
        assertThat(countQuestions(recruiter, "&kind=FREE_TEXT")).isGreaterThanOrEqualTo(25);
        assertThat(countQuestions(recruiter, "&category=databases&difficultyMin=2&difficultyMax=4"))
                .isGreaterThanOrEqualTo(3);

        List<String> titles = new ArrayList<>();
        api(recruiter).get("/api/tests").expect(200).get("items").forEach(t -> titles.add(t.get("title").asString()));
        assertThat(titles).containsExactlyInAnyOrder("Backend fundamentals, 30 min",
                "System design and reliability, 45 min", "API design and security, 30 min");

        JsonNode question = api(recruiter).get("/api/questions?q=replicas%20primary%20profile&limit=1").expect(200).get("items").get(0);
        assertThat(question.get("author").asString()).isEqualTo("Hirepipe starter bank");
        assertThat(question.get("whyWeAsk").asString()).isNotBlank();
    }

    @Test
    void eachTenantGetsItsOwnCopyAndOtherTenantsSeeNothing() {
        Caller other = Caller.platform(newTenant(), "key-1");
        api(other).post("/api/questions/starter-bank", null).expect(200);

        assertThat(api(recruiter).get("/api/questions").expect(200).get("items")).isEmpty();
        assertThat(api(recruiter).post("/api/questions/starter-bank", null).expect(200)
                .get("questionsInstalled").asInt()).isEqualTo(StarterBank.load().questions().size());
    }

    @Test
    void aReadyTestIsDeliveredWithSafeHtmlPrompts() {
        JsonNode report = api(recruiter).post("/api/questions/starter-bank", null).expect(200);
        String testId = report.get("tests").get(0).get("id").asString();

        JsonNode delivery = api(Caller.service(tenant, "assessment-service"))
                .get("/api/tests/" + testId + "/delivery?sessionId=s-1").expect(200);

        assertThat(delivery.get("questions").size()).isEqualTo(14);
        delivery.get("questions").forEach(q -> {
            assertThat(q.get("promptHtml").asString()).startsWith("<p>");
            assertThat(q.has("correctOptionIds")).isFalse();
            assertThat(q.has("rubric")).isFalse();
        });
    }

    @Test
    void candidatesCannotInstall() {
        api(Caller.candidate(tenant, "inv-1")).post("/api/questions/starter-bank", null).problem(403);
        assertThat(api(recruiter).get("/api/questions").expect(200).get("items")).isEmpty();
    }
}
