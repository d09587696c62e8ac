package io.hirepipe.question.starter;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.testkit.HttpApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StarterBankInstallTest extends IntegrationTestBase {

    @Autowired
    MongoTemplate mongo;

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
    void theMultipleChoiceQuestionsGivePartialCredit() {
        api(recruiter).post("/api/questions/starter-bank", null).expect(200);

        // "Choose all that apply": two of three right earns a share, and each wrong pick cancels a right one
        List<String> scorings = new ArrayList<>();
        api(recruiter).get("/api/questions?kind=MULTI_CHOICE&limit=50").expect(200).get("items").forEach(q ->
                scorings.add(api(recruiter).get("/api/questions/" + q.get("id").asString()).expect(200)
                        .get("choiceScoring").asString()));
        assertThat(scorings).hasSize(10).containsOnly("PARTIAL");
        List<String> singles = new ArrayList<>();
        api(recruiter).get("/api/questions?kind=SINGLE_CHOICE&limit=50").expect(200).get("items").forEach(q ->
                singles.add(api(recruiter).get("/api/questions/" + q.get("id").asString()).expect(200)
                        .get("choiceScoring").asString()));
        assertThat(singles).isNotEmpty().containsOnly("ALL_OR_NOTHING");
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

    @Test
    void parallelInstallsWaitForTheOneRunningInsteadOfBeingRefusedOrInstallingTwice() throws Exception {
        int expected = StarterBank.load().questions().size();
        int callers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<HttpApi.Response> answers = new ArrayList<>();
        try {
            Callable<HttpApi.Response> install = () -> api(recruiter).post("/api/questions/starter-bank", null);
            List<Future<HttpApi.Response>> calls = new ArrayList<>();
            calls.add(pool.submit(install));
            // the others ask while the first install runs (it holds the claim)
            await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection("starter_bank_installs")
                    .countDocuments(new Document("_id", tenant)) == 1);
            for (int i = 1; i < callers; i++) {
                calls.add(pool.submit(install));
            }
            for (Future<HttpApi.Response> call : calls) {
                answers.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // Nobody is refused, and one install added everything: a caller who asked while it ran waited and got
        // its report; one whose request reached the service only after it ended (a loaded machine) ran an
        // install of its own, which found everything present. Neither kind inserted anything twice.
        for (HttpApi.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            int added = answer.json().get("questionsInstalled").asInt();
            assertThat(added).isIn(0, expected);
            if (added == expected) {
                assertThat(answer.json()).as("the report of the one install that ran").isEqualTo(answers.get(0).json());
            }
            assertThat(answer.json().get("tests")).isEqualTo(answers.get(0).json().get("tests"));
        }
        assertThat(answers.get(0).json().get("questionsInstalled").asInt()).isEqualTo(expected);

        // asked again afterwards, the install adds nothing and the bank holds each item once
        JsonNode again = api(recruiter).post("/api/questions/starter-bank", null).expect(200);
        assertThat(again.get("questionsInstalled").asInt()).isZero();
        assertThat(again.get("testsInstalled").asInt()).isZero();
        assertThat(again.get("tests")).isEqualTo(answers.get(0).json().get("tests"));
        assertThat(countQuestions(recruiter, "")).isEqualTo(expected);
        List<String> titles = new ArrayList<>();
        api(recruiter).get("/api/tests").expect(200).get("items").forEach(t -> titles.add(t.get("title").asString()));
        assertThat(titles).hasSize(3).doesNotHaveDuplicates();
        List<String> questionTitles = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api(recruiter).get("/api/questions?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200);
            page.get("items").forEach(q -> questionTitles.add(q.get("title").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(new HashSet<>(questionTitles)).hasSize(questionTitles.size());
    }

    private void holdClaimAsAnotherInstall(String claimId) {
        mongo.insert(new Document("_id", tenant).append("claimId", claimId)
                .append("leaseUntil", Date.from(Instant.now().plus(1, ChronoUnit.HOURS))), "starter_bank_installs");
    }

    @Test
    void aCallerWhoseWaitEndsBeforeTheRunningInstallGets202WithTheStatusLink() {
        holdClaimAsAnotherInstall("someone-else");

        HttpApi.Response answer = api(recruiter).withHeader("Prefer", "respond-async, wait=1")
                .post("/api/questions/starter-bank", null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("status").asString()).isEqualTo("INSTALLING");
        assertThat(answer.header("Retry-After")).isPresent();
        assertThat(answer.location()).hasValue("/api/questions/starter-bank/install");
        assertThat(api(recruiter).get("/api/questions/starter-bank/install").expect(200).get("status").asString())
                .isEqualTo("INSTALLING");
        assertThat(countQuestions(recruiter, "")).as("nothing installed beside the running install").isZero();
    }

    @Test
    void aClaimWhoseOwnerDiedIsTakenOverOnceItsLeaseRanOut() {
        holdClaimAsAnotherInstall("dead-owner");
        // that install's process died: nobody renews its lease, which runs out
        mongo.updateFirst(Query.query(Criteria.where("_id").is(tenant)),
                new Update().set("leaseUntil", Date.from(Instant.now().minusSeconds(1))), "starter_bank_installs");

        assertThat(api(recruiter).post("/api/questions/starter-bank", null).expect(200).get("questionsInstalled").asInt())
                .isEqualTo(StarterBank.load().questions().size());
        // and it freed its claim: the next call runs at once and adds nothing
        assertThat(api(recruiter).post("/api/questions/starter-bank", null).expect(200)
                .get("questionsInstalled").asInt()).isZero();
    }

    @Test
    void anInstallThatOutlastsTheWaitAnswers202AndFinishesAllTheSame() {
        // No wait at all stands for an install slower than the wait (a loaded machine, a slow database).
        HttpApi.Response answer = api(recruiter).withHeader("Prefer", "respond-async, wait=0")
                .post("/api/questions/starter-bank", null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.location()).hasValue("/api/questions/starter-bank/install");
        JsonNode done = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
                () -> api(recruiter).get("/api/questions/starter-bank/install").expect(200),
                status -> status.get("status").asString().equals("INSTALLED"));
        assertThat(done.at("/report/questionsInstalled").asInt()).isEqualTo(StarterBank.load().questions().size());
        assertThat(done.at("/report/testsInstalled").asInt()).isEqualTo(StarterBank.load().tests().size());
        assertThat(countQuestions(recruiter, "&status=PUBLISHED")).isEqualTo(StarterBank.load().questions().size());
    }

    @Test
    void theStatusOfATenantThatNeverInstalledIsNotInstalled() {
        assertThat(api(recruiter).get("/api/questions/starter-bank/install").expect(200).get("status").asString())
                .isEqualTo("NOT_INSTALLED");
        api(Caller.candidate(tenant, "inv-1")).get("/api/questions/starter-bank/install").problem(403);
    }
}
