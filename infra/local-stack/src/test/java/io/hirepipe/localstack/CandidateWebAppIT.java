package io.hirepipe.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * The candidate app in a real browser (Debian's chromium, headless) against the started local
 * stack: what a candidate sees and does, from the invitation email to the thank-you page, and what
 * reaches the server and the recruiter. Every page is judged on the way (screenshots at 1280 and
 * 375 px, axe-core, transfer budget; see {@link CandidateBrowser#capture}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedLocalStack.class)
class CandidateWebAppIT {

    private static final String FREE_TEXT_ANSWER =
            "Each effect is stored under a unique key derived from the event id, so a redelivery changes nothing.";

    /**
     * Held by the one-minute test, which waits out its minute beside the other tests of this class (as the only
     * concurrent one it starts first), and by the closing log check, which therefore waits until it has ended.
     */
    private static final String ONE_MINUTE_CANDIDATE = "CandidateWebAppIT.one-minute-candidate";

    private final ChromiumPool browsers = new ChromiumPool();
    private final PageReport report = new PageReport();
    /** Every invitation and candidate token these tests used: none may appear in a service log. */
    private final List<String> secrets = new java.util.concurrent.CopyOnWriteArrayList<>();
    private SharedLocalStack.Stack shared;
    private HttpApi anonymous;
    private HttpApi recruiter;
    private String testId;
    private String oneMinuteTestId;

    @BeforeAll
    void setUp(SharedLocalStack.Stack sharedStack) {
        assumeTrue(CandidateBrowser.installed(), "chromium and chromedriver are not installed "
                + "(apt-get install chromium chromium-driver); the browser tests need them");
        shared = sharedStack;
        anonymous = HttpApi.at(stack().gatewayUrl().toString());
        JsonNode login = anonymous.post("/api/v1/auth/login", Map.of(
                "email", stack().demo().recruiterEmail(), "password", stack().demo().recruiterPassword())).expect(200);
        recruiter = anonymous.withBearer(login.get("token").asString());
        // the welcome page's privacy notice names the tenant's contact and retention
        recruiter.put("/api/v1/settings/privacy", Map.of("retentionDays", 365, "contactName", "Data Protection Office",
                "contactEmail", "privacy@hirepipe.example")).expect(200);

        String single = publish(Map.of("kind", "SINGLE_CHOICE", "title", "Message ordering",
                "prompt", "Which Kafka feature keeps all events of one session in order?",
                "options", List.of(Map.of("id", "a", "text", "Record keys mapping to one partition"),
                        Map.of("id", "b", "text", "Consumer group rebalancing"),
                        Map.of("id", "c", "text", "Log compaction")),
                "correctOptionIds", List.of("a"), "points", 2));
        String multi = publish(Map.of("kind", "MULTI_CHOICE", "title", "Durable writes",
                "prompt", "Which settings make a Kafka producer's writes durable?",
                "options", List.of(Map.of("id", "a", "text", "acks=all"), Map.of("id", "b", "text", "linger.ms=0"),
                        Map.of("id", "c", "text", "enable.idempotence=true"), Map.of("id", "d", "text", "batch.size=1")),
                "correctOptionIds", List.of("a", "c"), "points", 3));
        String text = publish(Map.of("kind", "FREE_TEXT", "title", "Idempotent consumers",
                "prompt", "How do you make a Kafka consumer safe against redelivered events?",
                "rubric", Map.of("keyPoints", List.of(
                        Map.of("id", "unique-key", "description", "Stores effects under a unique key",
                                "phrases", List.of("unique key"), "points", 2),
                        Map.of("id", "event-id", "description", "Deduplicates by event id",
                                "phrases", List.of("event id"), "points", 2)))));
        testId = recruiter.post("/api/v1/tests", Map.of("title", "Kafka in practice", "durationMinutes", 20,
                "passMarkPercent", 50,
                "description", "Answer every question in your own words.\n\nYou may not use notes.",
                "sections", List.of(Map.of("title", "Kafka", "questionIds", List.of(single, multi, text)))))
                .expect(201).get("id").asString();
        oneMinuteTestId = recruiter.post("/api/v1/tests", Map.of("title", "Kafka in a minute", "durationMinutes", 1,
                "passMarkPercent", 50, "sections", List.of(Map.of("title", "Kafka", "questionIds", List.of(single, text)))))
                .expect(201).get("id").asString();
    }

    @AfterAll
    void closeBrowsers() {
        browsers.close();
    }

    private LocalStack stack() {
        return shared.get();
    }

    // --- the flows ------------------------------------------------------------------------------------------

    @Test
    void aCandidateTakesTheTestFromTheEmailLinkAndTheRecruiterReadsTheScore() {
        String invitationId = invitationOf(invite(testId, "Margaret Hamilton", "margaret@example.com"));
        String link = linkFromMail("margaret@example.com", "Kafka in practice");
        // Every candidate page tells the candidate to reply to the invitation email to reach the recruiter.
        SinkMailbox mailbox = new SinkMailbox(stack());
        assertThat(mailbox.raw(mailbox.mailTo("margaret@example.com", "Kafka in practice")))
                .contains("Reply-To: " + stack().demo().recruiterEmail());

        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(link);
            browser.awaitHeading("Kafka in practice");
            assertThat(browser.mainText()).contains("Questions", "3", "20 minutes",
                    "Answer every question in your own words.", "You may not use notes.",
                    "your saved answers are submitted automatically",
                    "loses or regains focus", "paste or copy", stack().demo().recruiterEmail(),
                    "Your data", "365 days after your assessment is scored", "Data Protection Office at privacy@hirepipe.example");
            browser.capture("welcome");

            browser.button("Start the assessment");
            browser.awaitHeading("Question 1: Message ordering");
            assertThat(browser.textOf("#time-left")).matches("(19:[0-5]\\d|20:00)");
            assertThat(groupsOnScreen(browser)).as("the options are one group, named once").containsExactly("Your answer");
            browser.choose("Record keys mapping to one partition");
            browser.awaitSaved();
            browser.capture("question-single-choice");

            browser.button("Next");
            browser.awaitHeading("Question 2: Durable writes");
            assertThat(browser.mainText()).contains("Choose all that apply.");
            assertThat(groupsOnScreen(browser)).as("the options are one group, named once").containsExactly("Your answers");
            WebElement group = browser.find("main fieldset.choices");
            String hintId = browser.find("main fieldset.choices .hint").getDomAttribute("id");
            assertThat(group.getDomAttribute("aria-describedby").split(" "))
                    .as("entering the group reads the instruction first").startsWith(hintId);
            browser.choose("acks=all");
            browser.find("#flag-" + questionIdOnScreen(browser)).click();
            browser.awaitSaved();
            browser.capture("question-multiple-choice");

            browser.button("Next");
            browser.awaitHeading("Question 3: Idempotent consumers");
            assertThat(groupsOnScreen(browser)).as("the text box has its label, in no group").isEmpty();
            browser.type(FREE_TEXT_ANSWER);
            browser.awaitText(".free-text .hint", FREE_TEXT_ANSWER.length() + " of 20000 characters");
            browser.awaitSaved();
            browser.capture("question-free-text");

            browser.button("Review and submit");
            browser.awaitHeading("Review before you submit");
            assertThat(browser.mainText()).contains("You answered 3 of 3 questions.", "Not answered (0)",
                    "Flagged for review (1)", "Question 2: Durable writes");
            browser.capture("review");
            browser.button("Submit the assessment");
            browser.awaitText("#confirm-area", "After submitting you cannot change your answers.");
            browser.capture("review-confirm");
            browser.button("Yes, submit my answers");

            browser.awaitHeading("Thank you, your answers were submitted");
            assertThat(browser.mainText()).contains("You answered 3 of 3 questions.")
                    .doesNotContainIgnoringCase("points").doesNotContain("%");
            assertThat(takeKeysInLocalStorage(browser)).as("the flag and place kept while answering, gone once submitted")
                    .isEqualTo(0L);
            browser.capture("thank-you");

            browser.go("about:blank");
            browser.go(link);
            browser.awaitHeading("This assessment was already submitted");
            assertThat(browser.mainText()).contains(stack().demo().recruiterEmail());
            browser.capture("link-already-submitted");
        }

        // The choices score exactly: 2 (single), 0 (multi: one of its two right options). The free text is
        // graded by scoring-service's own rules; it must have arrived and earned something for its key points.
        JsonNode result = resultOf(invitationId);
        assertThat(itemPoints(result, "Message ordering")).isEqualByComparingTo("2");
        assertThat(itemPoints(result, "Durable writes")).isEqualByComparingTo("0");
        assertThat(itemPoints(result, "Idempotent consumers")).isPositive();
        JsonNode report = awaitMail(stack().demo().recruiterEmail(), "Margaret Hamilton");
        assertThat(report.get("text").asString()).contains("Kafka in practice")
                .contains(pointsText(result.get("points").decimalValue()) + "/9 points")
                .containsPattern("Message ordering \\(.*\\): 2/2")
                .containsPattern("Durable writes \\(.*\\): 0/3");
    }

    @Test
    void aReloadAndASecondBrowserContinueWithEveryAnswer() {
        String link = invite(testId, "Ada Lovelace", "ada@example.com");

        try (CandidateBrowser first = browsers.open(report)) {
            first.go(link);
            first.button("Start the assessment");
            first.awaitHeading("Question 1");
            first.choose("Log compaction");
            first.awaitSaved();
            first.question(3);
            first.type("Typed just before the reload");
            // Reloaded before the debounced save could leave: the answer waits in localStorage.
            first.reload();

            first.awaitHeading("Question 3: Idempotent consumers");
            assertThat(first.typedText()).isEqualTo("Typed just before the reload");
            first.awaitSaved();
            first.question(1);
            assertThat(first.isChosen("Log compaction")).isTrue();

            try (CandidateBrowser second = browsers.open(report)) {
                second.go(link);
                second.awaitHeading("Question");
                second.question(1);
                assertThat(second.isChosen("Log compaction")).isTrue();
                second.question(3);
                assertThat(second.typedText()).isEqualTo("Typed just before the reload");
                second.question(1);
                second.choose("Record keys mapping to one partition");
                second.awaitSaved();
            }
            JsonNode answers = candidateSession(link).get("answers");
            assertThat(answers.get(questionIdTitled(link, "Message ordering")).get("sequence").asLong())
                    .as("the second device continued above the first one's sequence").isEqualTo(2);
        }
    }

    @Test
    void answersTypedOfflineReachTheServerInOrderWhenTheNetworkReturns() {
        String link = invite(testId, "Offline Olga", "olga@example.com");

        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(link);
            browser.button("Start the assessment");
            browser.awaitHeading("Question 1");

            browser.offline(true);
            browser.choose("Consumer group rebalancing");
            browser.question(2);
            browser.choose("enable.idempotence=true");
            browser.question(3);
            browser.type("Written on a train without signal");
            browser.awaitText("#save-status", "Offline — 3 answers waiting");
            browser.capture("question-offline");
            assertThat(candidateSession(link).get("answers").size()).as("nothing reached the server yet").isZero();

            browser.offline(false);
            browser.awaitText("#save-status", "Saved at");
        }

        JsonNode answers = candidateSession(link).get("answers");
        JsonNode single = answers.get(questionIdTitled(link, "Message ordering"));
        JsonNode multi = answers.get(questionIdTitled(link, "Durable writes"));
        JsonNode text = answers.get(questionIdTitled(link, "Idempotent consumers"));
        assertThat(single.get("selectedOptionIds").get(0).asString()).isEqualTo("b");
        assertThat(multi.get("selectedOptionIds").get(0).asString()).isEqualTo("c");
        assertThat(text.get("text").asString()).isEqualTo("Written on a train without signal");
        Instant first = Instant.parse(single.get("savedAt").asString());
        Instant second = Instant.parse(multi.get("savedAt").asString());
        Instant third = Instant.parse(text.get("savedAt").asString());
        assertThat(first).as("sent in the order they were given").isBeforeOrEqualTo(second);
        assertThat(second).isBeforeOrEqualTo(third);
    }

    /**
     * An answer the server refuses for good (here longer than a save may be: the box's maxlength stops typing, not a
     * script) is never shown as saved: the page says why beside it, the navigator and the status name it as not
     * saved, and a screen reader hears it; the answer saved before it stays on the server.
     */
    @Test
    void anAnswerTheServerRefusesIsShownAsNotSavedUntilAFittingOneIs() {
        String link = invite(testId, "Rex Refused", "rex@example.com");

        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(link);
            browser.button("Start the assessment");
            browser.awaitHeading("Question 1");
            browser.question(3);
            browser.type("A first answer that fits.");
            browser.awaitSaved();
            setTypedText(browser, "x".repeat(20_001));

            browser.awaitText("#answer-error", "Not saved. This answer is longer than an answer may be. Shorten it");
            browser.awaitText("#save-status", "Not saved: question 3");
            assertThat(browser.textOf("#save-status")).doesNotContain("Saved at");
            assertThat(browser.find("#navigator-list li:nth-child(3) button").getText())
                    .as("the navigator's mark").contains("!").doesNotContain("✓");
            assertThat(browser.find("#navigator-list li:nth-child(3) button").getDomAttribute("aria-label"))
                    .isEqualTo("Question 3: answer not saved");
            assertThat(browser.find("textarea").getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("textarea").getDomAttribute("aria-describedby")).contains("answer-error");
            assertThat(browser.find("#announcer").getDomProperty("textContent"))
                    .startsWith("Question 3: Idempotent consumers: Not saved. This answer is longer");
            browser.script("document.getElementById('answer-error').scrollIntoView({block: 'center'})");
            browser.captureWithoutAnyViolation("question-answer-refused");

            browser.button("Review and submit");
            browser.awaitHeading("Review before you submit");
            assertThat(browser.textOf("#refused-notice")).contains("Not saved (1)", "Question 3: Idempotent consumers");
            browser.capture("review-answer-refused");
            browser.button("Question 3: Idempotent consumers");
            browser.awaitHeading("Question 3");
            assertThat(browser.textOf("#answer-error")).startsWith("Not saved.");

            setTypedText(browser, "Shortened to fit.");
            browser.awaitSaved();
            assertThat(browser.textOf("#answer-error")).isEmpty();
            assertThat(browser.find("#navigator-list li:nth-child(3) button").getText()).contains("✓");
            assertThat(browser.find("textarea").getDomAttribute("aria-invalid")).isNull();
        }
        assertThat(candidateSession(link).get("answers").get(questionIdTitled(link, "Idempotent consumers"))
                .get("text").asString()).isEqualTo("Shortened to fit.");
    }

    /**
     * A refused answer is the candidate's own text: a reload shows it again, still named as not saved, so it can be
     * shortened instead of written anew. It is kept in the tab only (sessionStorage, never localStorage), dropped once
     * a fitting answer is saved, and gone from the tab once the assessment is submitted.
     */
    @Test
    void aRefusedAnswerComesBackAfterAReloadUntilAFittingOneIsSaved() {
        String link = invite(testId, "Rhoda Reload", "rhoda@example.com");
        String tooLong = "y".repeat(20_001);

        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(link);
            browser.button("Start the assessment");
            browser.awaitHeading("Question 1");
            browser.question(3);
            browser.type("An earlier answer that fits.");
            browser.awaitSaved();
            setTypedText(browser, tooLong);
            browser.awaitText("#answer-error", "Not saved. This answer is longer than an answer may be.");
            assertThat(storedAnywhere(browser, "localStorage", tooLong)).as("nothing of it in localStorage").isFalse();
            assertThat(storedAnywhere(browser, "sessionStorage", tooLong)).as("kept in the tab").isTrue();

            browser.reload();
            browser.awaitHeading("Question 3: Idempotent consumers");
            assertThat(browser.typedText()).as("the refused text is back").isEqualTo(tooLong);
            browser.awaitText("#answer-error", "Not saved. This answer is longer than an answer may be. Shorten it");
            browser.awaitText("#save-status", "Not saved: question 3");
            assertThat(browser.textOf(".free-text .hint")).isEqualTo("20001 of 20000 characters");
            assertThat(browser.find("textarea").getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#navigator-list li:nth-child(3) button").getDomAttribute("aria-label"))
                    .isEqualTo("Question 3: answer not saved");
            assertThat(candidateSession(link).get("answers").get(questionIdTitled(link, "Idempotent consumers"))
                    .get("text").asString()).as("the server still keeps the earlier answer")
                    .isEqualTo("An earlier answer that fits.");
            browser.capture("question-answer-refused-after-reload");

            // Shortened with the keyboard, as the candidate would: the fitting answer is saved, the kept draft dropped.
            browser.find("textarea").sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.BACK_SPACE, Keys.BACK_SPACE);
            browser.awaitSaved();
            assertThat(browser.textOf("#answer-error")).isEmpty();
            assertThat(browser.find("textarea").getDomAttribute("aria-invalid")).isNull();
            assertThat(storedAnywhere(browser, "sessionStorage", "y".repeat(19_999))).as("the draft is gone").isFalse();
            assertThat(candidateSession(link).get("answers").get(questionIdTitled(link, "Idempotent consumers"))
                    .get("text").asString()).isEqualTo("y".repeat(19_999));

            // Refused again, then submitted: the tab keeps nothing of it.
            setTypedText(browser, tooLong);
            browser.awaitText("#save-status", "Not saved: question 3");
            assertThat(storedAnywhere(browser, "sessionStorage", tooLong)).isTrue();
            browser.button("Review and submit");
            browser.awaitHeading("Review before you submit");
            browser.button("Submit the assessment");
            browser.button("Yes, submit my answers");
            browser.awaitHeading("Thank you, your answers were submitted");
            assertThat(storedAnywhere(browser, "sessionStorage", tooLong)).as("cleared at submission").isFalse();
        }
    }

    /** How many entries the candidate app keeps in {@code localStorage} (answers on their way, flags, the place). */
    private static long takeKeysInLocalStorage(CandidateBrowser browser) {
        return (Long) browser.script("return Object.keys(localStorage).filter((key) => key.startsWith('hirepipe.take.')).length");
    }

    /** Whether any value in the page's {@code localStorage} or {@code sessionStorage} holds {@code text}. */
    private static boolean storedAnywhere(CandidateBrowser browser, String storage, String text) {
        return (Boolean) browser.script("""
                const store = window[arguments[0]];
                return Object.keys(store).some((key) => (store.getItem(key) || '').includes(arguments[1]));""",
                storage, text);
    }

    /**
     * Submitted while an answer still waits for the network: the page says it submits once the answers are saved,
     * and does, when the network returns, without another press.
     */
    @Test
    void aSubmissionConfirmedOfflineFollowsTheLastSaveWhenTheNetworkReturns() {
        String link = invite(testId, "Offline Otto", "otto@example.com");
        String invitationId = invitationOf(link);

        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(link);
            browser.button("Start the assessment");
            browser.awaitHeading("Question 1");

            browser.offline(true);
            browser.choose("Record keys mapping to one partition");
            browser.awaitText("#save-status", "Offline — 1 answer waiting");
            browser.button("Review and submit");
            browser.awaitHeading("Review before you submit");
            browser.button("Submit the assessment");
            browser.button("Yes, submit my answers");
            browser.awaitText("#submit-error", "we submit as soon as they are saved");
            browser.capture("review-submit-waiting-offline");

            browser.offline(false);
            browser.awaitHeadingWithin("Thank you, your answers were submitted", Duration.ofSeconds(30));
        }

        assertThat(recruiter.get("/api/v1/invitations/" + invitationId).expect(200).get("submitReason").asString())
                .isEqualTo("CANDIDATE");
        assertThat(itemPoints(resultOf(invitationId), "Message ordering"))
                .as("the answer that waited for the network was saved before the submission").isEqualByComparingTo("2");
    }

    /**
     * The answers given in time count; a change made offline in the last seconds, which can only
     * reach the server after the session closed, is refused, named on the page and counted for the
     * recruiter.
     */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(ONE_MINUTE_CANDIDATE)
    void aOneMinuteTestIsSubmittedAtItsDeadlineWithTheAnswersGivenBeforeIt() {
        JsonNode created = recruiter.post("/api/v1/invitations", Map.of("testId", oneMinuteTestId,
                "candidate", Map.of("name", "Tim Eout", "email", "tim@example.com"))).expect(201);
        String invitationId = created.get("id").asString();
        String link = created.get("accessUrl").asString();
        secrets.add(tokenOf(link));

        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(link);
            browser.awaitHeading("Kafka in a minute");
            assertThat(browser.mainText()).contains("1 minute").doesNotContain("1 minutes");
            browser.button("Start the assessment");
            browser.awaitHeading("Question 1");
            assertThat(browser.textOf("#time-left")).matches("(00:[0-5]\\d|01:00)");
            browser.choose("Record keys mapping to one partition");
            browser.question(2);
            browser.type(FREE_TEXT_ANSWER);
            browser.awaitSaved();

            browser.waiting(Duration.ofSeconds(60)).until(d -> browser.textOf("#time-left").compareTo("00:08") <= 0);
            browser.offline(true);
            browser.question(1);
            browser.choose("Log compaction");

            browser.awaitHeadingWithin("Time is up", Duration.ofSeconds(20));
            assertThat(browser.driver().findElements(By.cssSelector("main input, main textarea"))).isEmpty();
            browser.capture("time-up");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                    recruiter.get("/api/v1/invitations/" + invitationId).expect(200).get("status").asString(),
                    status -> !"STARTED".equals(status));
            browser.offline(false);

            browser.awaitHeadingWithin("Thank you", Duration.ofSeconds(30));
            browser.awaitText("#late-notice", "Question 1: Message ordering");
            assertThat(browser.mainText())
                    .contains("The time ran out and your saved answers were submitted automatically.",
                            "These answers did not reach us before the deadline");
            browser.capture("thank-you-after-timeout");
            assertThat(takeKeysInLocalStorage(browser)).as("the late answer named, then forgotten").isEqualTo(0L);
        }

        JsonNode invitation = recruiter.get("/api/v1/invitations/" + invitationId).expect(200);
        assertThat(invitation.get("submitReason").asString()).isEqualTo("TIMEOUT");
        assertThat(invitation.get("lateSaves").asInt()).as("the recruiter sees the refused change").isEqualTo(1);
        JsonNode result = resultOf(invitationId);
        assertThat(result.get("submitReason").asString()).isEqualTo("TIMEOUT");
        assertThat(itemPoints(result, "Message ordering")).as("the choice made in time counts, not the late change")
                .isEqualByComparingTo("2");
        assertThat(itemPoints(result, "Idempotent consumers")).as("the text typed before the deadline arrived")
                .isPositive();
    }

    @Test
    void theWholeFlowWorksWithTheKeyboardAlone() {
        String link = invite(testId, "Keyboard Kim", "kim@example.com");
        String invitationId = invitationOf(link);

        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(link);
            browser.awaitHeading("Kafka in practice");
            browser.tabTo(e -> e.getText().equals("Start the assessment"), "the start button");
            browser.press(Keys.ENTER);

            browser.awaitHeading("Question 1");
            browser.tabTo(e -> "radio".equals(e.getDomAttribute("type")), "the first option");
            browser.press(Keys.SPACE);
            browser.tabTo(e -> e.getText().equals("Next"), "Next");
            browser.press(Keys.ENTER);

            browser.awaitHeading("Question 2");
            browser.tabTo(e -> "checkbox".equals(e.getDomAttribute("type")) && !e.getDomAttribute("id").startsWith("flag"),
                    "the first option");
            browser.press(Keys.SPACE);
            browser.tabTo(e -> e.getText().equals("Next"), "Next");
            browser.press(Keys.ENTER);

            browser.awaitHeading("Question 3");
            browser.tabTo(e -> "textarea".equals(e.getTagName()), "the answer box");
            browser.press("Answered without a mouse");
            browser.awaitSaved();
            browser.chord(Keys.CONTROL, "a");
            browser.chord(Keys.CONTROL, "c");
            browser.tabTo(e -> e.getText().equals("Review and submit"), "Review and submit");
            browser.press(Keys.ENTER);

            browser.awaitHeading("Review before you submit");
            assertThat(browser.mainText()).contains("You answered 3 of 3 questions.");
            browser.tabTo(e -> e.getText().equals("Submit the assessment"), "Submit");
            browser.press(Keys.ENTER);
            browser.waiting().until(d -> d.switchTo().activeElement().getText().equals("Yes, submit my answers"));
            browser.press(Keys.ENTER);
            browser.awaitHeading("Thank you, your answers were submitted");
        }
        JsonNode integrity = recruiter.get("/api/v1/invitations/" + invitationId).expect(200).get("integrity");
        assertThat(integrity.get("counts").get("COPY").asInt()).as("the copy was recorded").isEqualTo(1);
    }

    /**
     * Start and Submit refused (the network is gone): the words take the keyboard focus, not the page, and the
     * button works again once the network is back.
     */
    @Test
    void aRefusedStartOrSubmitTakesTheFocusAndCanBeTriedAgain() {
        String link = invite(testId, "Retry Rosa", "rosa@example.com");

        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(link);
            browser.awaitHeading("Kafka in practice");
            browser.tabTo(e -> e.getText().equals("Start the assessment"), "the start button");
            browser.offline(true);
            browser.press(Keys.ENTER);
            browser.awaitText("#start-error", "You appear to be offline, so the assessment has not started.");
            assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
                    .as("the focus is on the refusal, not lost to the page").isEqualTo("start-error");
            browser.capture("welcome-start-refused");
            browser.offline(false);
            browser.tabTo(e -> e.getText().equals("Start the assessment") && e.isEnabled(), "the start button again");
            browser.press(Keys.ENTER);
            browser.awaitHeading("Question 1");

            browser.choose("Log compaction");
            browser.awaitSaved();
            browser.button("Review and submit");
            browser.awaitHeading("Review before you submit");
            browser.button("Submit the assessment");
            browser.waiting().until(d -> d.switchTo().activeElement().getText().equals("Yes, submit my answers"));
            browser.offline(true);
            browser.press(Keys.ENTER);
            browser.awaitText("#submit-error", "You appear to be offline, so your answers were not submitted yet.");
            assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
                    .as("the focus is on the refusal, not lost to the page").isEqualTo("submit-error");
            browser.capture("review-submit-refused");
            browser.offline(false);
            browser.tabTo(e -> e.getText().equals("Yes, submit my answers") && e.isEnabled(), "the submit button again");
            browser.press(Keys.ENTER);
            browser.awaitHeading("Thank you, your answers were submitted");
        }
    }

    /** The laptop's clock is an hour fast: the countdown still runs on the server's. */
    @Test
    void theRecruiterGivesExtraTimeAndThePageFollowsWithoutLosingAccess() {
        String link = invite(testId, "Extra Eve", "eve@example.com");
        String invitationId = invitationOf(link);

        try (CandidateBrowser browser = browsers.open(report)) {
            browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                    { const realNow = Date.now; Date.now = () => realNow() + 3600000; }"""));
            browser.go(link);
            browser.button("Start the assessment");
            browser.awaitHeading("Question 1");
            assertThat(browser.textOf("#time-left")).matches("(19:[0-5]\\d|20:00)");

            recruiter.put("/api/v1/invitations/" + invitationId + "/extra-time", Map.of("extraTimeMinutes", 30)).expect(200);

            browser.waiting(Duration.ofSeconds(30)).withMessage("the countdown shows the extra time")
                    .until(d -> browser.textOf("#time-left").matches("(49:[0-5]\\d|50:00)"));
            browser.choose("Log compaction");
            browser.awaitSaved();
            assertThat(browser.textOf("#save-status")).doesNotContain("Offline");
        }
    }

    @Test
    void theCountdownAnnouncesFiveMinutesAndOneMinuteToScreenReaders() {
        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(stack().gatewayUrl() + "/take");
            browser.awaitHeading("This link is incomplete");
            browser.capture("link-incomplete");
            assertThat(browser.find("#announcer").getDomAttribute("aria-live")).isEqualTo("assertive");
            String countdownModule = browser.find("script[type=module]").getDomAttribute("src")
                    .replace("app.js", "countdown.js");
            @SuppressWarnings("unchecked")
            List<String> announced = (List<String>) browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import(arguments[0]).then(async ({ Countdown }) => {
                      let now = 0;
                      const words = [];
                      const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
                      const countdown = new Countdown(() => now,
                        { onTick() {}, onWarning: (w) => words.push(w), onTimeUp() {} });
                      countdown.start(new Date(301000).toISOString());
                      await wait(400);
                      const beforeFiveMinutes = words.length;
                      now = 2000;
                      await wait(400);
                      now = 242000;
                      await wait(400);
                      countdown.stop();
                      done([String(beforeFiveMinutes), ...words]);
                    }, (failure) => done([String(failure)]));""", countdownModule);
            assertThat(announced).containsExactly("0",
                    "5 minutes left. Your answers are saved as you go.",
                    "1 minute left. Your answers are submitted automatically at the deadline.");
        }
    }

    @Test
    void aMarkdownPromptIsShownFormattedWithItsScriptStripped() {
        String question = publish(Map.of("kind", "SINGLE_CHOICE", "title", "Partition keys",
                "prompt", "Events carry a **session id**.\n\n```\nkey = sessionId\n```\n\n"
                        + "<script>window.promptScriptRan = true</script>"
                        + "<img src=x onerror=\"window.promptScriptRan = true\">Which guarantee does the key give?",
                "options", List.of(Map.of("id", "a", "text", "Order within one session"),
                        Map.of("id", "b", "text", "Exactly-once delivery")),
                "correctOptionIds", List.of("a")));
        String markdownTest = recruiter.post("/api/v1/tests", Map.of("title", "Markdown prompts", "durationMinutes", 5,
                "passMarkPercent", 50, "sections", List.of(Map.of("title", "Kafka", "questionIds", List.of(question)))))
                .expect(201).get("id").asString();
        String link = invite(markdownTest, "Mark Down", "mark@example.com");

        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(link);
            browser.awaitHeading("Markdown prompts");
            browser.button("Start the assessment");
            browser.awaitHeading("Question 1: Partition keys");

            assertThat(browser.textOf(".prompt strong")).isEqualTo("session id");
            assertThat(browser.textOf(".prompt pre code")).isEqualTo("key = sessionId");
            assertThat(browser.mainText()).contains("Which guarantee does the key give?")
                    .doesNotContain("<script>").doesNotContain("promptScriptRan");
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector(".prompt script, .prompt img")))
                    .isEmpty();
            assertThat(browser.script("return window.promptScriptRan === true")).isEqualTo(false);
            browser.capture("question-markdown-prompt");
        }
    }

    @Test
    void revokedExpiredAndSubmittedLinksSayWhichAndWhomToAsk() {
        String revoked = invite(testId, "Rita Revoked", "rita@example.com");
        recruiter.post("/api/v1/invitations/" + invitationOf(revoked) + "/revoke", Map.of("reason", "Position filled"))
                .expect(200);
        String expired = invite(testId, "Ernie Expired", "ernie@example.com");
        expire(invitationOf(expired));

        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(revoked);
            browser.awaitHeading("This invitation was withdrawn");
            assertThat(browser.mainText()).contains(stack().demo().recruiterEmail()).doesNotContain("{", "invitation-");
            browser.capture("link-revoked");

            browser.go("about:blank");
            browser.go(expired);
            browser.awaitHeading("This invitation has expired");
            assertThat(browser.mainText()).contains(stack().demo().recruiterEmail()).doesNotContain("{");
            browser.capture("link-expired");

            browser.go("about:blank");
            browser.go(stack().gatewayUrl() + "/take#token=not-a-real-token");
            browser.awaitHeading("This link is not valid");
            browser.capture("link-invalid");
        }
    }

    /** Runs last, over the logs of everything the tests above did (the one-minute test included: its lock). */
    @Test
    @Order(Integer.MAX_VALUE)
    @ResourceLock(ONE_MINUTE_CANDIDATE)
    void noServiceLogHoldsACandidatesToken() throws IOException {
        assertThat(secrets).isNotEmpty();
        try (Stream<Path> logs = Files.list(stack().config().logsDir())) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                for (String secret : secrets) {
                    assertThat(text).as(log.getFileName() + " must not hold a candidate's token").doesNotContain(secret);
                }
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** The recruiter's result of an invitation's session, once scoring-service has it. */
    private JsonNode resultOf(String invitationId) {
        String sessionId = recruiter.get("/api/v1/invitations/" + invitationId).expect(200).get("sessionId").asString();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> recruiter.get("/api/v1/results/" + sessionId), r -> r.status() == 200).json();
    }

    private static BigDecimal itemPoints(JsonNode result, String title) {
        for (JsonNode item : result.get("items")) {
            if (title.equals(item.path("title").asString())) {
                return item.get("points").decimalValue();
            }
        }
        throw new AssertionError("no item titled " + title + " in " + result);
    }

    /** Points as the report writes them: no trailing zeros. */
    private static String pointsText(BigDecimal points) {
        BigDecimal stripped = points.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private String publish(Map<String, Object> question) {
        String id = recruiter.post("/api/v1/questions", question).expect(201).get("id").asString();
        recruiter.post("/api/v1/questions/" + id + "/publish", Map.of()).expect(200);
        return id;
    }

    /** Invites and returns the candidate's link as the creation response gives it (the email carries the same). */
    private String invite(String test, String name, String email) {
        String link = recruiter.post("/api/v1/invitations", Map.of("testId", test,
                "candidate", Map.of("name", name, "email", email))).expect(201).get("accessUrl").asString();
        secrets.add(tokenOf(link));
        return link;
    }

    private String tokenOf(String link) {
        return link.substring(link.indexOf("#token=") + "#token=".length());
    }

    private HttpApi candidate(String link) {
        String token = anonymous.post("/api/v1/auth/candidate", Map.of("invitationToken", tokenOf(link))).expect(200)
                .get("token").asString();
        secrets.add(token);
        return anonymous.withBearer(token);
    }

    private String invitationOf(String link) {
        return candidate(link).get("/api/v1/candidate/assessment").expect(200).get("invitationId").asString();
    }

    private JsonNode candidateSession(String link) {
        return candidate(link).get("/api/v1/candidate/assessment/session").expect(200);
    }

    private String questionIdTitled(String link, String title) {
        for (JsonNode question : candidateSession(link).get("questions")) {
            if (title.equals(question.get("title").asString())) {
                return question.get("questionId").asString();
            }
        }
        throw new AssertionError("no question titled " + title);
    }

    /** Sets the answer box as a script can, past its maxlength, and tells the page as typing would. */
    private static void setTypedText(CandidateBrowser browser, String text) {
        browser.script("""
                const area = document.querySelector('textarea');
                area.value = arguments[0];
                area.dispatchEvent(new Event('input', { bubbles: true }));""", text);
    }

    /** The accessible names of the groups in the page's main part, as the browser computes roles and names. */
    private static List<String> groupsOnScreen(CandidateBrowser browser) {
        return browser.driver().findElements(By.cssSelector("main fieldset, main [role=group]")).stream()
                .filter(element -> "group".equals(element.getAriaRole()))
                .map(WebElement::getAccessibleName)
                .toList();
    }

    private static String questionIdOnScreen(CandidateBrowser browser) {
        return browser.find("#navigator-list button[aria-current=step]").getDomAttribute("data-question");
    }

    /** No API makes an invitation old; its start-by time is moved into the past in its database. */
    private void expire(String invitationId) {
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + stack().config().ports().mongo())) {
            long matched = mongo.getDatabase("hirepipe-assessments").getCollection("invitations")
                    .updateOne(Filters.eq("_id", invitationId),
                            Updates.set("expiresAt", Date.from(Instant.now().minus(Duration.ofHours(1)))))
                    .getMatchedCount();
            assertThat(matched).isEqualTo(1);
        }
    }

    private String linkFromMail(String recipient, String subject) {
        return new SinkMailbox(stack()).candidateLink(recipient, subject);
    }

    private JsonNode awaitMail(String recipient, String subjectContains) {
        return new SinkMailbox(stack()).mailTo(recipient, subjectContains);
    }
}
