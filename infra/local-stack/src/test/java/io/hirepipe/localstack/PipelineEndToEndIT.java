package io.hirepipe.localstack;

import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline, all real, through the gateway: the local stack is started exactly as the
 * README's first command starts it (embedded infrastructure + five service processes), and this
 * test does what a recruiter, a candidate and a platform client do. It asserts on what they would
 * see: HTTP answers and the emails that land in the SMTP sink.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedLocalStack.class)
class PipelineEndToEndIT {

    private static final Pattern TOKEN_IN_LINK = Pattern.compile("#token=([A-Za-z0-9_-]+)");

    private SharedLocalStack.Stack shared;
    private LocalStack stack;
    private HttpApi anonymous;

    @BeforeAll
    void useSharedStack(SharedLocalStack.Stack sharedStack) {
        shared = sharedStack;
        stack = shared.get();
        anonymous = HttpApi.at(stack.gatewayUrl().toString());
    }

    private HttpApi recruiter() {
        JsonNode login = anonymous.post("/api/v1/auth/login", Map.of(
                "email", stack.demo().recruiterEmail(), "password", stack.demo().recruiterPassword())).expect(200);
        return anonymous.withBearer(login.get("token").asString());
    }

    @Test
    void aCandidateIsInvitedTakesTheTestAndTheRecruiterGetsTheScoredReport() {
        HttpApi recruiter = recruiter();

        // A recruiter writes and publishes two questions and puts them in a test.
        String choiceId = recruiter.post("/api/v1/questions", Map.of(
                "kind", "SINGLE_CHOICE",
                "title", "Message ordering",
                "prompt", "Which Kafka feature keeps all events of one session in order?",
                "options", List.of(Map.of("id", "a", "text", "Record keys mapping to one partition"),
                        Map.of("id", "b", "text", "Consumer group rebalancing"),
                        Map.of("id", "c", "text", "Log compaction")),
                "correctOptionIds", List.of("a"),
                "points", 2)).expect(201).get("id").asString();
        String freeTextId = recruiter.post("/api/v1/questions", Map.of(
                "kind", "FREE_TEXT",
                "title", "Idempotent consumers",
                "prompt", "How do you make a Kafka consumer safe against redelivered events?",
                "rubric", Map.of("keyPoints", List.of(
                        Map.of("id", "unique-key", "description", "Stores effects under a unique key",
                                "phrases", List.of("unique key", "unique index"), "points", 2),
                        Map.of("id", "event-id", "description", "Deduplicates by event id",
                                "phrases", List.of("event id", "deduplicate"), "points", 2),
                        Map.of("id", "offsets", "description", "Commits offsets after processing",
                                "phrases", List.of("commit offsets after"), "points", 1))))).expect(201)
                .get("id").asString();
        recruiter.post("/api/v1/questions/" + choiceId + "/publish", Map.of()).expect(200);
        recruiter.post("/api/v1/questions/" + freeTextId + "/publish", Map.of()).expect(200);
        String testId = recruiter.post("/api/v1/tests", Map.of(
                "title", "Kafka essentials",
                "durationMinutes", 20,
                "passMarkPercent", 50,
                "sections", List.of(Map.of("title", "Kafka", "questionIds", List.of(choiceId, freeTextId)))))
                .expect(201).get("id").asString();

        // The recruiter invites a candidate; the candidate gets the link by email.
        HttpApi.Response invited = recruiter.post("/api/v1/invitations", Map.of(
                "testId", testId,
                "candidate", Map.of("name", "Grace Hopper", "email", "grace@example.com")));
        String invitationId = invited.expect(201).get("id").asString();
        assertThat(invited.location()).as("Location names the public, versioned path")
                .contains("/api/v1/invitations/" + invitationId);
        JsonNode invitationMail = awaitMail("grace@example.com", "Kafka essentials");
        Matcher link = TOKEN_IN_LINK.matcher(invitationMail.get("html").asString() + invitationMail.path("text").asString());
        assertThat(link.find()).as("the invitation email carries the candidate's link").isTrue();

        // The candidate exchanges the link's token, starts, answers and submits.
        String candidateToken = anonymous.post("/api/v1/auth/candidate", Map.of("invitationToken", link.group(1)))
                .expect(200).get("token").asString();
        HttpApi candidate = anonymous.withBearer(candidateToken);
        JsonNode session = candidate.post("/api/v1/candidate/assessment/start", Map.of()).expect(200);
        assertThat(session.toString()).as("candidates never see answer keys or rubrics")
                .doesNotContain("correctOptionIds").doesNotContain("keyPoints").doesNotContain("phrases");
        candidate.put("/api/v1/candidate/assessment/answers/" + choiceId,
                Map.of("sequence", 1, "selectedOptionIds", List.of("a"))).expect(200);
        candidate.put("/api/v1/candidate/assessment/answers/" + freeTextId, Map.of("sequence", 1,
                "text", "Every effect is stored under a unique index, keyed by the event id, so a duplicate changes nothing."))
                .expect(200);
        candidate.post("/api/v1/candidate/assessment/submit", Map.of()).expect(200);

        // Scoring runs over Kafka; the recruiter receives the report by email: 2 + 4 of 7 points.
        JsonNode report = awaitMail(stack.demo().recruiterEmail(), "Grace Hopper");
        assertThat(report.get("subject").asString()).contains("85.7%");
        assertThat(report.get("text").asString()).contains("Kafka essentials").contains("6/7 points")
                .contains("Passed");
        // The report leads the recruiter to the result's page in the console, at the stack's own address.
        String resultPage = stack.gatewayUrl().toString().replaceAll("/+$", "") + "/console#/results/"
                + session.get("sessionId").asString();
        assertThat(report.get("text").asString()).contains("in the console: " + resultPage + "\n");
        assertThat(report.get("html").asString()).contains("href=\"" + resultPage + "\"");
        assertThat(anonymous.get("/console").status()).isEqualTo(200);

        JsonNode invitation = recruiter.get("/api/v1/invitations/" + invitationId).expect(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(recruiter.get("/api/v1/invitations/" + invitationId).expect(200).get("status").asString())
                        .isEqualTo("SCORED"));
        assertThat(invitation.get("testId").asString()).isEqualTo(testId);
    }

    @Test
    void theCandidatePageItsAssetsAndTheApiEachCarryTheirHeadersOnce() {
        HttpApi.Response page = anonymous.get("/take");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").doesNotContain("unsafe-inline"));
        Matcher script = Pattern.compile("src=\"(/assets/[0-9a-f]{12}/app\\.js)\"").matcher(page.body());
        assertThat(script.find()).isTrue();

        HttpApi.Response asset = anonymous.get(script.group(1));
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.headers().allValues("Cache-Control")).containsExactly("max-age=31536000, public, immutable");

        // A real service answers with its own security headers; the gateway adds none twice.
        HttpApi.Response api = recruiter().get("/api/v1/tests");
        assertThat(api.status()).isEqualTo(200);
        for (String header : List.of("X-Content-Type-Options", "X-Frame-Options", "Cache-Control",
                "Content-Security-Policy", "Referrer-Policy")) {
            assertThat(api.headers().allValues(header)).as(header).hasSize(1);
        }
    }

    @Test
    void aCandidateTokenEndsWithTheDeadlineAndIsRenewedWhenTheRecruiterGivesExtraTime() {
        HttpApi recruiter = recruiter();
        JsonNode created = recruiter.post("/api/v1/invitations", Map.of("testId", stack.demo().demoTestId(),
                "candidate", Map.of("name", "Alan Turing", "email", "alan@example.com"))).expect(201);
        String invitationId = created.get("id").asString();
        String link = created.get("accessUrl").asString();
        String invitationToken = link.substring(link.indexOf("#token=") + "#token=".length());
        HttpApi candidate = anonymous.withBearer(anonymous.post("/api/v1/auth/candidate",
                Map.of("invitationToken", invitationToken)).expect(200).get("token").asString());
        JsonNode session = candidate.post("/api/v1/candidate/assessment/start", Map.of()).expect(200);
        Instant deadline = Instant.parse(session.get("deadline").asString());

        JsonNode renewed = candidate.post("/api/v1/auth/candidate/renew", Map.of()).expect(200);
        assertThat(Instant.parse(renewed.get("expiresAt").asString()))
                .as("the token ends with the deadline and its grace").isEqualTo(deadline.plus(SharedLocalStack.GRACE));

        JsonNode extended = recruiter.put("/api/v1/invitations/" + invitationId + "/extra-time",
                Map.of("extraTimeMinutes", 15)).expect(200);
        Instant moved = Instant.parse(extended.get("deadline").asString());
        assertThat(moved).isEqualTo(deadline.plus(Duration.ofMinutes(15)));
        HttpApi renewedCandidate = anonymous.withBearer(renewed.get("token").asString());
        JsonNode again = renewedCandidate.post("/api/v1/auth/candidate/renew", Map.of()).expect(200);
        assertThat(Instant.parse(again.get("expiresAt").asString())).isEqualTo(moved.plus(SharedLocalStack.GRACE));

        recruiter.put("/api/v1/invitations/" + invitationId + "/extra-time", Map.of("extraTimeMinutes", "lots"))
                .problem(400);
        anonymous.post("/api/v1/auth/candidate/renew", Map.of()).problem(401);
        recruiter.post("/api/v1/auth/candidate/renew", Map.of()).problem(403);

        renewedCandidate.post("/api/v1/candidate/assessment/submit", Map.of()).expect(200);
        JsonNode gone = anonymous.post("/api/v1/auth/candidate", Map.of("invitationToken", invitationToken)).problem(410);
        // scoring may already have reported back (the relay publishes the submit at once): either says "done"
        assertThat(gone.get("invitationStatus").asString()).isIn("SUBMITTED", "SCORED");
        assertThat(gone.get("contactEmail").asString()).isEqualTo(stack.demo().recruiterEmail());
        recruiter.put("/api/v1/invitations/" + invitationId + "/extra-time", Map.of("extraTimeMinutes", 20))
                .problem(409, "session-submitted");
    }

    @Test
    void theDemoTenantIsSeededAndItsApiKeyWorks() {
        HttpApi platform = anonymous.withHeader("X-Api-Key", stack.demo().apiKey());

        String link = stack.demoCandidateLink();
        assertThat(link).startsWith(stack.gatewayUrl() + "/take#token=");
        assertThat(Banner.of(stack)).contains("Take the demo test  " + link);
        anonymous.post("/api/v1/auth/candidate", Map.of("invitationToken", link.substring(link.indexOf("#token=") + 7)))
                .expect(200);

        JsonNode tests = platform.get("/api/v1/tests").expect(200).get("items");
        assertThat(tests.findValuesAsString("title")).contains("Backend fundamentals");
        assertThat(platform.get("/api/v1/questions").expect(200).get("items")).hasSizeGreaterThanOrEqualTo(10);

        // the demo test is made of the starter bank's questions, so a recruiter finds each of them once
        JsonNode demoTest = platform.get("/api/v1/tests/" + stack.demo().demoTestId()).expect(200);
        List<String> titles = demoTest.get("sections").findValues("questions").stream()
                .flatMap(questions -> questions.valueStream())
                .map(question -> platform.get("/api/v1/questions/" + question.get("questionId").asString()).expect(200)
                        .get("title").asString())
                .toList();
        assertThat(titles).hasSize(10).contains("What indexes slow down", "Securing a REST API");
        for (String title : titles) {
            JsonNode found = platform.get("/api/v1/questions?status=PUBLISHED&limit=100&q="
                    + URLEncoder.encode(title, StandardCharsets.UTF_8)).expect(200).get("items");
            assertThat(found.findValuesAsString("title")).as(title).containsOnlyOnce(title);
        }
    }

    @Test
    void aRequestThatBypassesTheGatewayIsRefused() {
        HttpApi questionService = HttpApi.at("http://127.0.0.1:" + stack.config().ports().question());

        questionService.get("/api/questions").problem(401, "unauthenticated");
    }

    @Test
    void wrongCredentialsGetAProblemNotAStackTrace() {
        anonymous.post("/api/v1/auth/login", Map.of("email", stack.demo().recruiterEmail(), "password", "wrong"))
                .problem(401);
    }

    @Test
    void aServicesProblemNamesThePublicPathTheClientCalled() {
        JsonNode problem = recruiter().get("/api/v1/invitations/no-such-invitation").problem(404);

        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/invitations/no-such-invitation");
    }

    /** Runs last: it stops the stack and starts it again on the same data directory. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aRestartKeepsTheDataTheDemoKeyAndTheLogins() {
        String questionId = recruiter().post("/api/v1/questions", Map.of(
                "kind", "SINGLE_CHOICE",
                "title", "Survives a restart",
                "prompt", "Where does the local stack keep MongoDB data?",
                "options", List.of(Map.of("id", "a", "text", "In the data directory"), Map.of("id", "b", "text", "Nowhere")),
                "correctOptionIds", List.of("a"))).expect(201).get("id").asString();
        DemoAccess before = stack.demo();
        // A newer draft under the demo test's title, as importing an exported bank leaves one: the seeding at
        // the next start must keep inviting to the published demo test, not fail on the draft.
        JsonNode demoTest = recruiter().get("/api/v1/tests/" + before.demoTestId()).expect(200);
        String demoQuestion = demoTest.get("sections").get(0).get("questions").get(0).get("questionId").asString();
        recruiter().post("/api/v1/tests", Map.of("title", demoTest.get("title").asString(), "draft", true,
                "durationMinutes", 10, "passMarkPercent", 50,
                "sections", List.of(Map.of("title", "Copy", "questionIds", List.of(demoQuestion))))).expect(201);

        shared.restart();
        stack = shared.get();

        assertThat(stack.demo()).isEqualTo(before);
        anonymous.withHeader("X-Api-Key", before.apiKey()).get("/api/v1/tests").expect(200);
        assertThat(recruiter().get("/api/v1/questions/" + questionId).expect(200).get("title").asString())
                .isEqualTo("Survives a restart");
    }

    private JsonNode awaitMail(String recipient, String subjectContains) {
        return new SinkMailbox(stack).mailTo(recipient, subjectContains);
    }
}
