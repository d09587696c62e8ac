package io.hirepipe.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.hirepipe.testkit.HttpApi;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The recruiter console in a real browser against the started local stack: a recruiter writes
 * questions, builds a test, invites by CSV; candidates take it through the candidate app; the
 * recruiter reads the evidence and adjusts a score; another organisation sees none of it. Every page
 * is judged on the way (screenshots at 1280 and 375 px, axe-core: see {@link CandidateBrowser#capture}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedLocalStack.class)
class RecruiterConsoleIT {

    private static final String SESSION_COOKIE = "__Host-hirepipe-session";
    private static final String TEST_TITLE = "Console-built Kafka test";
    private static final String FREE_TEXT_TITLE = "Redelivered events";
    private static final String CHOICE_TITLE = "Ordering guarantee";
    private static final String POOLED_TITLE = "Console-built pooled databases screen";
    private static final String ANSWER =
            "Every effect is stored under a unique key derived from the event id, so a redelivery changes nothing.";
    /** One sentence that makes the point, then three about something else: a grade that rests on a minority of it. */
    private static final String RAMBLING = "Every effect is stored under a unique key derived from the event id. "
            + "Our team meets every Monday to plan the week. The office moved to a new building last spring. "
            + "I enjoy cycling to work when the weather is good.";
    private static final String OTHER_TENANT = "console-other";
    private static final String OTHER_EMAIL = "recruiter@other.console.test";
    private static final String OTHER_PASSWORD = "a different organisation's passphrase";

    /**
     * How often a wait on the stack (a score, an erasure, a delivery) looks again. Awaitility's first look also comes
     * one interval in, so a second's interval cost a second on every wait even when the stack was long done.
     */
    private static final Duration STACK_POLL = Duration.ofMillis(200);
    /**
     * How often a wait presses a page's Refresh button: every press fetches the list again, and the page's total
     * transfer, judged against its budget when the page is captured, counts every fetch since the page loaded.
     */
    private static final Duration REFRESH_PRESS_POLL = Duration.ofSeconds(1);

    private final ChromiumPool browsers = new ChromiumPool();
    private final PageReport report = new PageReport("console-pages.md");
    private SharedLocalStack.Stack shared;
    private HttpApi recruiter;
    private String testId;
    private String sessionId;

    @BeforeAll
    void setUp(SharedLocalStack.Stack sharedStack) {
        assumeTrue(CandidateBrowser.installed(), "chromium and chromedriver are not installed "
                + "(apt-get install chromium chromium-driver); the browser tests need them");
        shared = sharedStack;
        HttpApi anonymous = HttpApi.at(stack().gatewayUrl().toString());
        String token = anonymous.post("/api/v1/auth/login", Map.of("email", stack().demo().recruiterEmail(),
                "password", stack().demo().recruiterPassword())).expect(200).get("token").asString();
        recruiter = anonymous.withBearer(token);
        addOtherOrganisation();
    }

    @AfterAll
    void closeBrowsers() {
        browsers.close();
    }

    private LocalStack stack() {
        return shared.get();
    }

    private String console() {
        return stack().gatewayUrl() + "/console";
    }

    // --- flow 1: questions, a test and a CSV of candidates ----------------------------------------------------

    @Test
    @Order(1)
    void aRecruiterWritesQuestionsBuildsATestAndInvitesByCsv() throws IOException {
        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(console());
            browser.awaitHeading("Sign in");
            browser.capture("console-sign-in");
            signIn(browser, stack().demo().recruiterEmail(), stack().demo().recruiterPassword());
            browser.awaitHeading("Dashboard");
            browser.awaitText("main", "Latest results");
            assertThat(browser.mainText()).contains("Invitations by status", "Needs attention");
            assertSessionIsAnHttpOnlyStrictCookie(browser);
            browser.capture("console-dashboard");

            // A free-text question with a two-point rubric.
            open(browser, "#/questions/new");
            browser.awaitHeading("New question");
            fill(browser, "Title", 0, FREE_TEXT_TITLE);
            fill(browser, "Question, as the candidate reads it", 0, "How do you make a Kafka consumer safe against redelivered events?");
            fill(browser, "Description", 0, "Stores effects under a unique key");
            fill(browser, "Phrases", 0, "unique key");
            fill(browser, "Points", 0, "2");
            browser.button("Add a key point");
            fill(browser, "Description", 1, "Deduplicates by event id");
            fill(browser, "Phrases", 1, "event id");
            fill(browser, "Points", 1, "2");
            browser.awaitText(".preview", "How do you make a Kafka consumer safe");
            browser.captureWithoutAnyViolation("console-question-new-free-text");
            browser.button("Create question");
            browser.awaitHeading("Edit question: " + FREE_TEXT_TITLE);
            browser.button("Publish");
            browser.awaitText("main", "published version 1");

            // A single-choice question; a problem the API names shows beside its field.
            open(browser, "#/questions/new");
            browser.awaitHeading("New question");
            new Select(fieldNamed(browser, "Kind", 0)).selectByVisibleText("Single choice");
            fill(browser, "Title", 0, CHOICE_TITLE);
            fill(browser, "Question, as the candidate reads it", 0, "Which Kafka feature keeps one session's events in order?");
            fill(browser, "Option 1", 0, "Record keys mapping to one partition");
            fill(browser, "Option 2", 0, "Log compaction");
            fill(browser, "Points", 0, "2");
            browser.button("Create question");
            browser.awaitText("[data-error-for='correctOptionIds']", "exactly one correct option");
            browser.capture("console-question-problem");
            browser.find("#correct-0").click();
            browser.button("Create question");
            browser.awaitHeading("Edit question: " + CHOICE_TITLE);
            assertThat(browser.mainText()).contains("Preview: what the candidate sees", "Record keys mapping to one partition");
            browser.capture("console-question-choice");
            browser.button("Publish");
            browser.awaitText("main", "published version 1");

            open(browser, "#/questions");
            browser.awaitText("main table", CHOICE_TITLE);
            assertThat(browser.mainText()).contains(FREE_TEXT_TITLE);
            browser.capture("console-questions");

            // A test of both.
            open(browser, "#/tests/new");
            browser.awaitHeading("New test");
            fill(browser, "Title", 0, TEST_TITLE);
            fill(browser, "Duration in minutes", 0, "20");
            fill(browser, "Pass mark in percent", 0, "50");
            checkLabelStartingWith(browser, FREE_TEXT_TITLE);
            checkLabelStartingWith(browser, CHOICE_TITLE);
            browser.capture("console-test-new");
            browser.button("Create test");
            browser.awaitHeading("Test: " + TEST_TITLE);
            testId = browser.driver().getCurrentUrl().replaceAll(".*#/tests/", "");
            if (!browser.driver().findElements(By.xpath("//main//button[normalize-space(.)='Publish']")).isEmpty()) {
                // Where tests start as drafts, one is published before anyone is invited to it.
                browser.button("Publish");
                browser.awaitText("main p", "published");
            }
            open(browser, "#/tests/" + testId);
            browser.awaitHeading("Test: " + TEST_TITLE);
            browser.capture("console-test");

            // Two candidates and one bad line from a CSV file.
            Path csv = Files.createTempFile("candidates", ".csv");
            Files.writeString(csv, "name,email,extra time,external reference\n"
                    + "Ada Console,ada.console@example.com,,ATS-1\n"
                    + "Bad Row,not-an-email,,ATS-2\n"
                    + "Grace Console,grace.console@example.com,10,ATS-3\n");
            open(browser, "#/invitations?testId=" + testId);
            browser.awaitHeading("Invitations");
            WebElement bulkForm = browser.find("form[aria-labelledby='bulk-heading']");
            new Select(bulkForm.findElement(By.cssSelector("select"))).selectByVisibleText(TEST_TITLE);
            bulkForm.findElement(By.cssSelector("input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
            browser.button("Upload and invite");
            browser.awaitText("#bulk-report", "2 invited");
            assertThat(browser.textOf("#bulk-report")).contains("1 refused", "Bad Row", "not-an-email",
                    "Candidate email: must be a well-formed email address").doesNotContain("candidate.email");
            browser.capture("console-invitations-bulk-report");
            browser.awaitText("#invitation-list", "Grace Console");
            assertThat(browser.textOf("#invitation-list")).contains("Ada Console", "10 min").doesNotContain("Bad Row");

            // The same file again invites nobody twice.
            bulkForm = browser.find("form[aria-labelledby='bulk-heading']");
            bulkForm.findElement(By.cssSelector("input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
            browser.button("Upload and invite");
            browser.awaitText("#bulk-report", "0 invited, 2 already invited, 1 refused");
        }

        takeTheTest(linkFromMail("ada.console@example.com"), ANSWER);
        // most of it about something else: the grader asks a person to look (flow 2)
        takeTheTest(linkFromMail("grace.console@example.com"), RAMBLING);
    }

    /** The candidate app, as the candidate uses it: every question answered, then submitted. */
    private void takeTheTest(String link, String freeText) {
        try (CandidateBrowser candidate = browsers.open(new PageReport("console-candidates.md"))) {
            candidate.go(link);
            candidate.awaitHeading(TEST_TITLE);
            candidate.button("Start the assessment");
            for (int question = 1; question <= 2; question++) {
                candidate.awaitHeading("Question " + question);
                if (candidate.driver().findElements(By.cssSelector("textarea")).isEmpty()) {
                    candidate.choose("Record keys mapping to one partition");
                } else {
                    candidate.type(freeText);
                }
                candidate.awaitSaved();
                candidate.button(question == 1 ? "Next" : "Review and submit");
            }
            candidate.awaitHeading("Review before you submit");
            candidate.button("Submit the assessment");
            candidate.button("Yes, submit my answers");
            candidate.awaitHeading("Thank you");
        }
    }

    // --- flow 2: evidence, an adjustment, and the new total everywhere ----------------------------------------

    @Test
    @Order(2)
    void theRecruiterReadsTheEvidenceAdjustsWithAReasonAndSeesTheNewTotalEverywhere() {
        JsonNode before = awaitResultOf("ada.console@example.com");
        sessionId = before.get("sessionId").asString();
        JsonNode freeText = itemTitled(before, FREE_TEXT_TITLE);
        BigDecimal adjustedItem = freeText.get("points").decimalValue().compareTo(BigDecimal.ONE) == 0
                ? BigDecimal.valueOf(3) : BigDecimal.ONE;
        BigDecimal expectedTotal = before.get("points").decimalValue().subtract(freeText.get("points").decimalValue())
                .add(adjustedItem);
        String expected = plain(expectedTotal) + " / " + before.get("maxPoints").asInt();

        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            open(browser, "#/results?testId=" + testId);
            browser.awaitText("#results-table", "Grace Console");
            assertThat(browser.textOf("#results-table")).contains("Ada Console");
            browser.capture("console-results");
            // The download takes the page's filters and starts with a byte order mark, so Excel reads names right.
            String export = browser.find("#export-csv").getDomAttribute("href");
            assertThat(export).startsWith("/api/v1/results/export.csv?").contains("testId=" + testId, "bom=true");
            @SuppressWarnings("unchecked")
            Map<String, Object> download = (Map<String, Object>) browser.script("""
                    return fetch(arguments[0], {credentials: 'same-origin'}).then(async (response) => {
                      const bytes = new Uint8Array(await response.arrayBuffer());
                      return {status: response.status, start: Array.from(bytes.slice(0, 12)).join(',')};
                    });""", export);
            assertThat(((Number) download.get("status")).intValue()).isEqualTo(200);
            assertThat((String) download.get("start")).as("EF BB BF, then the header row")
                    .isEqualTo("239,187,191,115,101,115,115,105,111,110,73,100");
            filterOnTodayAsARecruiterInAuckland(browser);
            open(browser, "#/results?testId=" + testId);
            browser.awaitText("#results-table", "Grace Console");

            browser.find("#results-table a[href$='" + sessionId + "']").click();
            browser.awaitHeading("Ada Console: " + TEST_TITLE);
            assertThat(browser.mainText()).contains("Score", "Outcome", "Percentile", "Time taken", "Integrity signals",
                    "Key points found", "Key points missed", "Automatic score");
            // Said as a rank is: Ada and Grace tie, so each is the 50th percentile.
            long percentile = Math.round(recruiter.get("/api/v1/results?testId=" + testId).expect(200).get("items")
                    .valueStream().filter(row -> row.get("sessionId").asString().equals(sessionId)).findFirst()
                    .orElseThrow().get("percentile").asDouble());
            assertThat(percentile).isEqualTo(50);
            assertThat(browser.textOf("#fact-percentile")).isEqualTo("50th among this test's candidates");
            // The sentence that met a key point is quoted.
            assertThat(browser.textOf(".evidence blockquote")).contains("unique key");
            // And the candidate's own answer, whole.
            assertThat(browser.textOf("blockquote.answer")).isEqualTo(ANSWER);
            // A choice is named in the words the candidate read, not by its id.
            assertThat(browser.textOf("div.answer")).contains("Chose:", "Record keys mapping to one partition");
            // An item the grader sent to a person says why, in words; one it did not says nothing of the kind.
            assertReviewReasonsAsTheApiHasThem(browser, before);
            // -Dconsole.readme.screenshot=../../docs/console-result.png retakes the README's picture of this page.
            String readmePicture = System.getProperty("console.readme.screenshot");
            if (readmePicture != null) {
                browser.saveScreenshot(Path.of(readmePicture));
            }
            browser.capture("console-result");

            // Grace's answer, mostly about something else, awaits a person, and the page says why.
            JsonNode grace = awaitResultOf("grace.console@example.com");
            assertThat(itemTitled(grace, FREE_TEXT_TITLE).path("awaitingReview").asBoolean()).isTrue();
            open(browser, "#/results/" + grace.get("sessionId").asString());
            browser.awaitHeading("Grace Console: " + TEST_TITLE);
            browser.awaitText(".review-reasons", "Why it needs review: ");
            assertReviewReasonsAsTheApiHasThem(browser, grace);
            assertThat(browser.textOf(".review-reasons")).contains("most of the answer is not about the question");
            browser.script("document.querySelector('.review-reasons').scrollIntoView({block: 'center'})");
            browser.captureWithoutAnyViolation("console-result-review");
            open(browser, "#/results/" + sessionId);
            browser.awaitHeading("Ada Console: " + TEST_TITLE);

            WebElement box = browser.driver().findElements(By.cssSelector("article.item")).stream()
                    .filter(item -> item.findElement(By.tagName("h3")).getText().contains(FREE_TEXT_TITLE))
                    .findFirst().orElseThrow().findElement(By.cssSelector("details.adjust-box"));
            box.findElement(By.tagName("summary")).click();
            WebElement points = box.findElement(By.cssSelector("input[type=number]"));
            box.findElement(By.tagName("textarea")).sendKeys("The answer names both ideas in one sentence.");
            // An emptied points field is asked for, never saved as 0 points.
            points.clear();
            box.findElement(By.cssSelector("button[type=submit]")).click();
            browser.awaitText("details.adjust-box[open] .field-error", "Points: Enter the new points, from 0 to");
            assertThat(points.getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(recruiter.get("/api/v1/results/" + sessionId).expect(200).get("points").decimalValue())
                    .as("nothing was saved").isEqualByComparingTo(before.get("points").decimalValue());
            // Points take two decimals, as the API does: the browser calls none of them invalid.
            points.sendKeys("1.25");
            assertThat(browser.script("return arguments[0].validity.valid", points)).as("1.25 points fit the field").isEqualTo(true);
            points.clear();
            points.sendKeys(plain(adjustedItem));
            box.findElement(By.cssSelector("button[type=submit]")).click();

            browser.awaitText("#fact-score", expected);
            assertThat(browser.mainText()).contains("The answer names both ideas in one sentence.",
                    stack().demo().recruiterEmail());

            open(browser, "#/results?testId=" + testId);
            browser.awaitText("#results-table", expected);

            open(browser, "#/invitations?testId=" + testId);
            await().atMost(Duration.ofSeconds(30)).pollInterval(STACK_POLL).untilAsserted(() -> {
                browser.reload();
                browser.awaitText("#invitation-list", "Ada Console");
                assertThat(browser.textOf("#invitation-list")).contains(expected + " (adjusted)");
            });
            browser.capture("console-invitations");

            // Item analysis, reached from the test's page: both candidates picked the right option.
            open(browser, "#/tests/" + testId);
            browser.awaitHeading("Test: " + TEST_TITLE);
            browser.find("main a[href$='/analysis']").click();
            browser.awaitHeading("Item analysis: " + TEST_TITLE);
            browser.awaitText("#analysis", "2 scored candidates");
            WebElement choiceRow = browser.waiting().until(d -> d.findElements(By.cssSelector("#analysis tbody tr")).stream()
                    .filter(row -> row.getText().startsWith(CHOICE_TITLE)).findFirst().orElse(null));
            List<String> cells = choiceRow.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
            assertThat(cells).as("question, kind, responses, facility, discrimination, flags")
                    .containsExactly(CHOICE_TITLE, "single choice", "2", "1.00", "—", "A wrong option nobody chose");
            assertThat(browser.textOf("#option-picks + .table-wrap")).contains("Log compaction", "0 (0%)",
                    "Record keys mapping to one partition", "2 (100%)");
            // At 375 px the tables scroll sideways in their boxes; a note or a flag keeps a width that reads as words.
            browser.narrow(375);
            for (String sentence : List.of("Nobody chose this wrong option", "A wrong option nobody chose")) {
                Number width = (Number) browser.script("return [...document.querySelectorAll('#analysis td')]"
                        + ".find((cell) => cell.textContent.startsWith(arguments[0])).getBoundingClientRect().width", sentence);
                assertThat(width.doubleValue()).as("the cell of '" + sentence + "' at 375 px, in px").isGreaterThanOrEqualTo(200);
            }
            browser.fullWidth();
            // judged as a first visit (a bookmark), not with the test page's transfer added
            open(browser, "#/tests/" + testId + "/analysis?version=1");
            browser.awaitText("#analysis", "2 scored candidates");
            browser.capture("console-item-analysis");
        }

        HttpApi.Response csv = recruiter.get("/api/v1/results/export.csv?testId=" + testId);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).contains("Ada Console").contains(plain(expectedTotal));
    }

    // --- flow 3: another organisation ------------------------------------------------------------------------

    @Test
    @Order(3)
    void aRecruiterOfAnotherOrganisationSeesNoneOfIt() {
        try (CandidateBrowser browser = signedIn(OTHER_EMAIL, OTHER_PASSWORD)) {
            browser.awaitText("main", "No invitations yet");

            open(browser, "#/questions");
            browser.awaitText("main", "Your question bank is empty");
            browser.capture("console-questions-empty");
            open(browser, "#/results");
            browser.awaitText("main", "No results yet");
            open(browser, "#/invitations");
            browser.awaitText("#invitation-list", "No invitations yet");
            assertThat(browser.mainText()).doesNotContain("Ada Console", TEST_TITLE);
            open(browser, "#/results/" + sessionId);
            browser.awaitHeading("Result not found");
            open(browser, "#/tests/" + testId);
            browser.awaitHeading("Test not found");
            open(browser, "#/tests/" + testId + "/analysis");
            browser.awaitHeading("Test not found");
        }
    }

    // --- keys, email log, keyboard only, and the session's end -------------------------------------------------

    @Test
    @Order(4)
    void apiKeysAreShownOnceAndTheEmailLogListsWhatWasSent() {
        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            open(browser, "#/api-keys");
            browser.awaitHeading("API keys");
            fill(browser, "Name", 0, "ATS sync from the console");
            browser.button("Create key");
            browser.awaitText("[data-error-for='scopes']", "must not be empty");
            checkLabelStartingWith(browser, "results:read");
            // Pressed again before the answer came, the form creates one key (a second would be a secret nobody saw).
            browser.script("arguments[0].click(); arguments[0].click();",
                    browser.find("form[aria-labelledby='create-key-heading'] button[type=submit]"));
            browser.awaitText("#created-key", "shown only once");
            assertThat(browser.textOf("#new-key-value")).startsWith("hp_");
            // One press copies the key, and a screen reader hears that it did.
            browser.allowClipboard(true);
            browser.find("button[aria-label='Copy the API key']").click();
            browser.awaitText("#announcer", "Copied");
            assertThat(browser.clipboardText()).isEqualTo(browser.textOf("#new-key-value"));
            // Who made the key is named as the team knows them, not by an account id.
            browser.awaitText("table", "ATS sync from the console");
            assertThat(browser.textOf("table")).contains("by " + stack().demo().recruiterEmail()).doesNotContain("by usr_");
            browser.capture("console-api-keys");
            // Revoking asks first, in place; Cancel gives the focus back and revokes nothing.
            browser.find("button[aria-label='Revoke the key ATS sync from the console']").click();
            browser.awaitText(".inline-confirm", "Revoke the key ATS sync from the console? ");
            assertThat(browser.driver().switchTo().activeElement().getText())
                    .as("the question takes the focus").startsWith("Revoke the key ATS sync from the console?");
            browser.script("document.querySelector('.inline-confirm').scrollIntoView({block: 'center'})");
            browser.capture("console-api-key-revoke-confirm");
            browser.button("Cancel");
            browser.waiting().until(d -> "Revoke the key ATS sync from the console"
                    .equals(d.switchTo().activeElement().getDomAttribute("aria-label")));
            assertThat(browser.driver().findElements(By.cssSelector(".inline-confirm"))).isEmpty();
            assertThat(apiKeyNamed("ATS sync from the console").get("revoked").asBoolean()).as("nothing revoked").isFalse();
            browser.press(Keys.ENTER);
            browser.find("button[aria-label='Yes, revoke the key ATS sync from the console']").click();
            browser.awaitText("main table", "revoked");
            assertThat(apiKeyNamed("ATS sync from the console").get("revoked").asBoolean()).isTrue();
            assertThat(recruiter.get("/api/v1/api-keys").expect(200).get("items").valueStream()
                    .filter(key -> "ATS sync from the console".equals(key.path("name").asString())))
                    .as("one key for the double press").hasSize(1);

            open(browser, "#/emails");
            browser.awaitText("main table", "ada.console@example.com");
            browser.capture("console-email-log");
        }
    }

    @Test
    @Order(5)
    void theConsoleWorksByKeyboardAloneAndAnEndedSessionKeepsTheHalfFilledForm() {
        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(console());
            browser.awaitHeading("Sign in");
            browser.tabTo(element -> "email".equals(element.getDomAttribute("type")), "the email field")
                    .sendKeys(stack().demo().recruiterEmail());
            browser.tabTo(element -> "password".equals(element.getDomAttribute("type")), "the password field")
                    .sendKeys(stack().demo().recruiterPassword() + Keys.ENTER);
            browser.awaitHeading("Dashboard");
            // The navigation comes before the page's heading, where focus lands: back up to it.
            shiftTabTo(browser, element -> "Questions".equals(element.getText())).sendKeys(Keys.ENTER);
            browser.awaitHeading("Questions");
            browser.tabTo(element -> "New question".equals(element.getText()), "New question").sendKeys(Keys.ENTER);
            browser.awaitHeading("New question");
            browser.tabTo(element -> "SELECT".equalsIgnoreCase(element.getTagName()), "the kind");
            browser.press(Keys.TAB);
            browser.driver().switchTo().activeElement().sendKeys("Typed before the session ended");
            assertThat(browser.script("return Object.keys(localStorage).length")).isEqualTo(0L);
            assertThat((String) browser.script("return document.cookie")).doesNotContain(SESSION_COOKIE);

            endSessionsOf(stack().demo().recruiterEmail());
            browser.tabTo(element -> "Create question".equals(element.getText()), "Create question").sendKeys(Keys.ENTER);

            browser.awaitHeading("Sign in");
            assertThat(browser.mainText()).contains("Your session has ended");
            signIn(browser, stack().demo().recruiterEmail(), stack().demo().recruiterPassword());
            browser.awaitHeading("New question");
            assertThat(fieldNamed(browser, "Title", 0).getDomProperty("value")).isEqualTo("Typed before the session ended");
            assertThat(browser.mainText()).contains("unsaved changes");

            browser.find("#sign-out").click();
            browser.awaitHeading("Sign in");
            assertThat(browser.mainText()).contains("You are signed out.");
            browser.reload();
            browser.awaitHeading("Sign in");
        }
    }

    // --- the test editor on a large bank: search, paging and pools ----------------------------------------------

    @Test
    @Order(6)
    void theTestEditorReachesTheWholeBankAndDrawsASectionFromAPool() {
        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            open(browser, "#/tests/new");
            browser.awaitHeading("New test");
            fill(browser, "Title", 0, POOLED_TITLE);
            // The demo bank has the starter bank's 71 questions: the newest come first, older ones page by page.
            By offered = By.cssSelector("#picker-0 input[type=checkbox]");
            browser.waiting().until(d -> d.findElements(offered).size() == 20);
            browser.button("Show more questions");
            browser.waiting().until(d -> d.findElements(offered).size() == 40);
            assertThat(browser.driver().switchTo().activeElement().getDomAttribute("type"))
                    .as("focus on the first question the new page brought").isEqualTo("checkbox");

            // Words from the title find an older question wherever it is.
            fill(browser, "Words in the title or question", 0, "shard key");
            browser.button("Search");
            browser.awaitText("#picker-0", "Choosing a shard key");
            checkLabelStartingWith(browser, "Choosing a shard key");
            browser.awaitText("#chosen-0", "Choosing a shard key");

            // A second section drawn per candidate from a pool: one the bank cannot fill is refused beside the rule.
            browser.button("Add a section");
            browser.waiting().until(d -> d.findElement(By.id("section-1-mode-pool"))).click();
            fill(browser, "Category", 1, "databases");
            new Select(fieldNamed(browser, "Difficulty from", 0)).selectByVisibleText("2");
            fill(browser, "Questions to draw", 0, "50");
            browser.button("Create test");
            browser.awaitText("[data-error-for='sections[1].pool']", "only");
            assertThat(browser.textOf("[data-error-for='sections[1].pool']")).contains("databases", "50");

            // What was typed survives a reload (kept in the tab's sessionStorage), and is judged as a page.
            open(browser, "#/tests/new");
            browser.awaitHeading("New test");
            assertThat(fieldNamed(browser, "Category", 1).getDomProperty("value")).isEqualTo("databases");
            browser.awaitText("#chosen-0", "Choosing a shard key");
            browser.script("document.getElementById('section-1-mode-pool').scrollIntoView({block: 'start'})");
            browser.capture("console-test-pool");

            fill(browser, "Questions to draw", 0, "3");
            browser.button("Create test");
            browser.awaitHeading("Test: " + POOLED_TITLE);
        }
        JsonNode created = null;
        for (JsonNode test : recruiter.get("/api/v1/tests?limit=100").expect(200).get("items")) {
            if (POOLED_TITLE.equals(test.get("title").asString())) {
                created = test;
            }
        }
        assertThat(created).as("the test, through the API").isNotNull();
        assertThat(created.get("questionCount").asInt()).as("one chosen and three drawn").isEqualTo(4);
        JsonNode pool = created.get("sections").get(1).get("pool");
        assertThat(pool.get("category").asString()).isEqualTo("databases");
        assertThat(pool.get("difficultyMin").asInt()).isEqualTo(2);
        assertThat(pool.get("difficultyMax").asInt()).isEqualTo(5);
        assertThat(pool.get("count").asInt()).isEqualTo(3);
    }

    // --- the team: an admin invites, the invited person sets a password, deactivation ends their session ---------

    @Test
    @Order(7)
    void anAdminInvitesSomeoneWhoSetsAPasswordFromTheEmailAndIsSignedOutOnDeactivation() {
        String person = "nina-" + System.nanoTime() + "@team.console.test";
        String password = "plum tulip harbour 42";
        try (CandidateBrowser admin = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            open(admin, "#/team");
            admin.awaitHeading("Team");
            fill(admin, "Email", 0, person);
            new Select(fieldNamed(admin, "Role", 0)).selectByValue("VIEWER");
            admin.button("Send invitation");
            admin.awaitText("main table", person);
            admin.captureWithoutAnyViolation("console-team");

            JsonNode mail = new SinkMailbox(stack()).mailTo(person, "You are invited to Hirepipe");
            java.util.regex.Matcher link = java.util.regex.Pattern
                    .compile("(http://[^\\s<>\"]+/console#/set-password\\?token=[A-Za-z0-9_-]+)")
                    .matcher(mail.path("text").asString(""));
            assertThat(link.find()).as("the set-password link in " + mail).isTrue();

            try (CandidateBrowser invited = browsers.open(report)) {
                invited.go(link.group(1));
                invited.awaitHeading("Choose your password");
                assertThat((String) invited.script("return location.href")).doesNotContain("token=");
                invited.capture("console-set-password");
                fill(invited, "New password", 0, "password1234");
                fill(invited, "The same password again", 0, "password1234");
                invited.button("Set password");
                invited.awaitText("main", "commonly used");
                fill(invited, "New password", 0, password);
                fill(invited, "The same password again", 0, password);
                invited.button("Set password");
                invited.awaitHeading("Sign in");
                assertThat(invited.mainText()).contains("Your password is set");
                signIn(invited, person, password);
                invited.awaitHeading("Dashboard");

                open(admin, "#/team");
                admin.awaitText("main table", person);
                // Deactivating asks first, in place, as revoking a key does; Cancel keeps them active.
                String deactivate = "button[aria-label='Deactivate " + person + "']";
                admin.waiting().until(d -> d.findElement(By.cssSelector(deactivate))).click();
                admin.awaitText(".inline-confirm", "Deactivate " + person + "?");
                assertThat(admin.driver().switchTo().activeElement().getText())
                        .as("the question takes the focus").startsWith("Deactivate " + person + "?");
                admin.captureWithoutAnyViolation("console-team-deactivate-confirm");
                admin.button("Cancel");
                admin.waiting().until(d -> ("Deactivate " + person).equals(d.switchTo().activeElement().getDomAttribute("aria-label")));
                assertThat(admin.driver().findElements(By.cssSelector(".inline-confirm"))).isEmpty();
                assertThat(userNamed(person).get("status").asString()).as("still active after Cancel").isEqualTo("ACTIVE");
                open(invited, "#/results");
                invited.awaitHeading("Results");

                admin.find(deactivate).click();
                admin.find("button[aria-label='Yes, deactivate " + person + "']").click();
                admin.waiting().until(d -> d.findElement(By.cssSelector("button[aria-label='Reactivate " + person + "']")));
                admin.awaitText("#announcer", "every sign-in of theirs has ended");
                assertThat(admin.driver().switchTo().activeElement().getDomAttribute("aria-label"))
                        .as("the focus stays on the row, on the button that undoes it").isEqualTo("Reactivate " + person);

                open(invited, "#/results");
                invited.awaitHeading("Sign in");
            }
        }
    }

    /**
     * On a closed select the arrow keys change its value at once: a role that changed with every arrow press would
     * make someone an admin on the way to another role. The role changes when Change role is pressed; a refused
     * change (the organisation's last admin) shows the role that was kept, not the one refused. At 375 px the role
     * reads in its box.
     */
    @Test
    @Order(21)
    void aRoleChangesOnlyWhenChangeRoleIsPressedAndARefusedChangeShowsTheRoleKept() {
        String person = "vera-" + System.nanoTime() + "@team.console.test";
        String userId = recruiter.post("/api/v1/users", Map.of("email", person, "role", "VIEWER")).expect(201)
                .get("id").asString();
        try (CandidateBrowser admin = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            admin.narrow(375);
            open(admin, "#/team");
            admin.awaitText("main table", person);
            WebElement role = admin.find("select[aria-label='Role of " + person + "']");
            admin.script("arguments[0].focus()", role);
            admin.script(RECORD_REQUESTS);
            admin.press(Keys.ARROW_DOWN);
            assertThat(new Select(role).getFirstSelectedOption().getText()).isEqualTo("Recruiter");
            assertThat((List<?>) admin.script("return window.requestsSent"))
                    .as("moving through the roles sends nothing").noneMatch(sent -> String.valueOf(sent).startsWith("PATCH"));
            assertThat(roleOf(userId)).isEqualTo("VIEWER");
            admin.tabTo(e -> ("Change the role of " + person).equals(e.getDomAttribute("aria-label")), "Change role");
            admin.press(Keys.ENTER);
            admin.awaitText("#announcer", person + " is now recruiter.");
            assertThat(roleOf(userId)).isEqualTo("RECRUITER");
            assertThat(admin.driver().switchTo().activeElement().getDomAttribute("aria-label"))
                    .as("the keyboard goes on from the row, not the page's top").isEqualTo("Change the role of " + person);
            WebElement changed = admin.find("select[aria-label='Role of " + person + "']");
            assertThat((Boolean) admin.script(SHOWS_ITS_CHOICE, changed)).as(() -> "the role reads in its box at 375 px: "
                    + admin.whereIs(changed)).isTrue();
            admin.capture("console-team-role-changed");
        }
        try (CandidateBrowser lastAdmin = signedIn(OTHER_EMAIL, OTHER_PASSWORD)) {
            lastAdmin.narrow(375);
            open(lastAdmin, "#/team");
            lastAdmin.awaitText("main table", OTHER_EMAIL);
            WebElement ownRole = lastAdmin.find("select[aria-label='Role of " + OTHER_EMAIL + "']");
            Select own = new Select(ownRole);
            own.selectByValue("VIEWER");
            lastAdmin.script("arguments[0].focus()", ownRole);
            WebElement change = lastAdmin.tabTo(e -> ("Change the role of " + OTHER_EMAIL).equals(e.getDomAttribute("aria-label")),
                    "Change role");
            assertThat(lastAdmin.onScreen(change)).as(() -> "the focused Change role is seen whole at 375 px: "
                    + lastAdmin.whereIs(change)).isTrue();
            lastAdmin.press(Keys.ENTER);
            lastAdmin.awaitText("main section .field-error", "last active admin");
            assertThat(own.getFirstSelectedOption().getText()).as("the role kept, not the one refused").isEqualTo("Admin");
        }
    }

    /**
     * A 404 about an id (no scored result yet, a result that is not there) is not a feature this installation lacks:
     * a test nobody has finished yet says so on its item analysis, and an unknown result says it does not exist.
     */
    @Test
    @Order(22)
    void aNewTestsItemAnalysisSaysNobodyWasScoredYetAndAnUnknownResultSaysItDoesNotExist() {
        String questionId = recruiter.get("/api/v1/questions?status=PUBLISHED&limit=1").expect(200)
                .get("items").get(0).get("id").asString();
        String newTestId = recruiter.post("/api/v1/tests", Map.of("title", "Nobody scored yet " + System.nanoTime(),
                "durationMinutes", 10, "passMarkPercent", 50,
                "sections", List.of(Map.of("title", "Only", "questionIds", List.of(questionId))))).expect(201)
                .get("id").asString();
        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            open(browser, "#/tests/" + newTestId + "/analysis");
            browser.awaitText("main", "No candidate who took version 1 has been scored yet.");
            assertThat(browser.mainText()).doesNotContain("not available on this Hirepipe installation");
            browser.capture("console-item-analysis-nobody-scored");

            open(browser, "#/results/ses_unknown");
            browser.awaitHeading("Result not found");
            assertThat(browser.mainText()).contains("Result 'ses_unknown' does not exist.")
                    .doesNotContain("not available on this Hirepipe installation");
        }
    }

    /** A set-password link the server refuses (used, expired, mistyped) leads on to asking for a new one: no dead end. */
    @Test
    @Order(23)
    void aRefusedSetPasswordLinkLeadsToAskingForANewOne() {
        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(console() + "#/set-password?token=no-such-link");
            browser.awaitHeading("Choose your password");
            fill(browser, "New password", 0, "plum tulip harbour 42");
            fill(browser, "The same password again", 0, "plum tulip harbour 42");
            browser.button("Set password");
            browser.awaitText("main .notice.error", "This link is unknown, used or expired: ask for a new one.");
            browser.capture("console-set-password-link-refused");
            browser.find("main .notice.error a").click();
            browser.awaitHeading("Forgot your password?");
        }
    }

    /** Whether a select is wide enough for the words of each of its options (a squeezed one shows only its arrow). */
    private static final String SHOWS_ITS_CHOICE = """
            const select = arguments[0];
            const style = getComputedStyle(select);
            const context = document.createElement('canvas').getContext('2d');
            context.font = style.font;
            const widest = Math.max(...[...select.options].map((option) => context.measureText(option.text).width));
            return select.clientWidth >= widest + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);""";

    /** From now on, the page notes each request it sends ("PATCH /api/v1/users/…") in window.requestsSent. */
    private static final String RECORD_REQUESTS = """
            window.requestsSent = [];
            const send = window.fetch;
            window.fetch = (resource, init) => {
              window.requestsSent.push(`${(init && init.method) || 'GET'} ${resource}`);
              return send(resource, init);
            };""";

    private String roleOf(String userId) {
        for (JsonNode user : recruiter.get("/api/v1/users").expect(200).get("items")) {
            if (userId.equals(user.path("id").asString())) {
                return user.path("role").asString();
            }
        }
        throw new AssertionError("no user " + userId);
    }

    // --- administration: the audit log, privacy settings, erasure; one question's figures -----------------------

    @Test
    @Order(8)
    void anAdminFiltersTheAuditLogFindsTheirOwnSignInAndExportsIt() {
        Instant beforeSignIn = Instant.now().minusSeconds(2);
        String admin = stack().demo().recruiterEmail();
        try (CandidateBrowser browser = signedIn(admin, stack().demo().recruiterPassword())) {
            assertThat(browser.textOf("#console-nav")).contains("Audit log", "Privacy", "Erasure");
            browser.find("#console-nav a[href='#/audit']").click();
            browser.awaitHeading("Audit log");
            browser.awaitText("#audit-log", "auth.login");

            fill(browser, "Who (email or id)", 0, admin);
            fill(browser, "Action", 0, "auth.login");
            browser.button("Apply filters");
            browser.waiting().until(d -> d.getCurrentUrl().contains("action=auth.login"));
            browser.awaitText("#audit-log tbody", "BROWSER_SESSION");
            assertThat(browser.driver().findElements(By.cssSelector("#audit-log tbody tr"))).allSatisfy(row ->
                    assertThat(row.getText()).contains("auth.login", admin.toLowerCase(java.util.Locale.ROOT)));

            // This very sign-in: the same filters from a moment before it.
            open(browser, "#/audit?" + "actor=" + admin + "&action=auth.login&from=" + beforeSignIn);
            browser.awaitText("#audit-log tbody", "channel: BROWSER_SESSION");
            assertThat(browser.driver().findElements(By.cssSelector("#audit-log tbody tr"))).hasSize(1);
            assertThat(browser.textOf("#audit-log tbody")).contains("success", "correlation id");
            browser.captureWithoutAnyViolation("console-audit");

            // The CSV export takes the same filters and answers the same session.
            String href = browser.find("#audit-export").getDomAttribute("href");
            assertThat(href).startsWith("/api/v1/audit/export.csv?").contains("action=auth.login");
            @SuppressWarnings("unchecked")
            Map<String, Object> csv = (Map<String, Object>) browser.script("""
                    return fetch(arguments[0], {credentials: 'same-origin'}).then(async (response) => ({
                      status: response.status, type: response.headers.get('content-type'), body: await response.text()}));""",
                    href);
            assertThat(((Number) csv.get("status")).intValue()).isEqualTo(200);
            assertThat((String) csv.get("type")).startsWith("text/csv");
            String[] lines = ((String) csv.get("body")).split("\r\n");
            assertThat(lines[0]).startsWith("id,occurredAt,action,outcome");
            assertThat(lines).hasSize(2);
            assertThat(lines[1]).contains("auth.login", "channel=BROWSER_SESSION");

            // Paging: two entries a page, then two more.
            open(browser, "#/audit?limit=2");
            browser.waiting().until(d -> d.findElements(By.cssSelector("#audit-log tbody tr")).size() == 2);
            browser.button("Show more entries");
            browser.waiting().until(d -> d.findElements(By.cssSelector("#audit-log tbody tr")).size() == 4);
            browser.awaitText("#announcer", "2 more entries shown");
        }
    }

    @Test
    @Order(9)
    void anAdminSavesThePrivacySettingsAndABadRetentionIsRefusedBesideItsField() {
        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            browser.find("#console-nav a[href='#/privacy']").click();
            browser.awaitHeading("Privacy settings");
            fill(browser, "Keep candidate data for (days after scoring)", 0, "5");
            fill(browser, "Privacy contact name", 0, "Data Protection Office");
            fill(browser, "Privacy contact email", 0, "privacy@hirepipe.example");
            browser.button("Save privacy settings");
            browser.awaitText("[data-error-for='retentionDays']", "30");
            assertThat(fieldNamed(browser, "Keep candidate data for (days after scoring)", 0).getDomAttribute("aria-invalid"))
                    .isEqualTo("true");
            browser.captureWithoutAnyViolation("console-privacy-problem");

            fill(browser, "Keep candidate data for (days after scoring)", 0, "365");
            browser.button("Save privacy settings");
            browser.awaitText("#privacy-saved", "Saved");
            assertThat(browser.textOf("[data-error-for='retentionDays']")).isEmpty();
            browser.captureWithoutAnyViolation("console-privacy");
        }
        JsonNode stored = recruiter.get("/api/v1/settings/privacy").expect(200);
        assertThat(stored.get("retentionDays").asInt()).isEqualTo(365);
        assertThat(stored.get("contactName").asString()).isEqualTo("Data Protection Office");
    }

    @Test
    @Order(10)
    void anAdminErasesACandidateAfterConfirmingAndSeesEveryServiceDone() {
        String email = "erase.me." + System.nanoTime() + "@example.com";
        recruiter.post("/api/v1/invitations", Map.of("testId", testId,
                "candidate", Map.of("name", "Erin Console", "email", email))).expect(201);
        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            browser.find("#console-nav a[href='#/erasures']").click();
            browser.awaitHeading("Erasure");
            fill(browser, "Candidate email", 0, email);
            browser.button("Continue");
            browser.awaitText("#erasure-confirm", "This cannot be undone");
            assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("This cannot be undone");
            browser.captureWithoutAnyViolation("console-erasure-confirm");
            browser.find("#erase-confirm").click();
            browser.awaitText("#erasure-confirm", "Erasure requested for " + email);

            await().atMost(Duration.ofSeconds(90)).pollInterval(STACK_POLL).untilAsserted(() ->
                    assertThat(browser.textOf("#erasure-list tbody tr")).contains("erased"));
            assertThat(browser.textOf("#erasure-list tbody tr")).contains("assessment-service: done",
                    "scoring-service: done", "notification-service: done");
            browser.awaitText("#announcer", "completed in every service");
            browser.captureWithoutAnyViolation("console-erasures");
        }
        for (JsonNode invitation : recruiter.get("/api/v1/invitations?limit=200").expect(200).get("items")) {
            assertThat(invitation.toString()).doesNotContain(email);
        }
    }

    @Test
    @Order(11)
    void eachQuestionOfTheItemAnalysisHasItsOwnFigures() {
        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            open(browser, "#/tests/" + testId + "/analysis");
            browser.awaitText("#analysis", "2 scored candidates");
            browser.waiting().until(d -> d.findElement(By.linkText(FREE_TEXT_TITLE))).click();
            browser.awaitHeading("Question analysis: " + FREE_TEXT_TITLE);
            browser.awaitText("#question-analysis", "2 responses");
            assertThat(browser.textOf("#question-facts")).contains("Facility", "Discrimination", "Mean points", "of 4",
                    "Left blank", "0 of 2");
            // Ada's free-text score was changed by a person in flow 2: one of one reviewed.
            assertThat(browser.textOf("#agreement-facts")).contains("Changed by a person", "1 of 1 reviewed (100%)");
            assertThat(browser.driver().findElements(By.cssSelector("#question-points ~ .table-wrap tbody tr")))
                    .as("a row per number of points earned").isNotEmpty()
                    .allSatisfy(row -> assertThat(row.getText()).contains("of 4"));
            assertThat(browser.textOf("#question-analysis")).contains(TEST_TITLE + ", version 1");
            browser.captureWithoutAnyViolation("console-question-analysis");

            browser.find("main a[href*='/analysis?version=']").click();
            browser.awaitHeading("Item analysis: " + TEST_TITLE);
            browser.waiting().until(d -> d.findElement(By.linkText(CHOICE_TITLE))).click();
            browser.awaitHeading("Question analysis: " + CHOICE_TITLE);
            browser.awaitText("#question-analysis", "Options picked");
            assertThat(browser.textOf("#question-analysis")).contains("Log compaction", "0 (0%)",
                    "Record keys mapping to one partition", "2 (100%)", "Facility", "1.00");
            assertThat(browser.textOf("#question-points ~ .table-wrap")).as("both candidates earned the 2 points")
                    .contains("2 of 2", "2 (100%)");
            assertThat(browser.mainText()).doesNotContain("People and the machine");
            browser.captureWithoutAnyViolation("console-question-analysis-choice");
        }
    }

    @Test
    @Order(12)
    void aViewerSeesNoAdminPagesAndIsToldPolitelyWhenOpeningOne() {
        String viewer = "viewer@console.test";
        String password = "a viewer's long passphrase";
        inGatewayDatabase(gateway -> {
            if (gateway.getCollection("recruiters").countDocuments(Filters.eq("email", viewer)) == 0) {
                gateway.getCollection("recruiters").insertOne(new Document("_id", "usr_console_viewer")
                        .append("tenantId", stack().demo().tenantId()).append("email", viewer)
                        .append("passwordHash", PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password))
                        .append("role", "VIEWER").append("status", "ACTIVE").append("createdAt", new Date()));
            }
        });
        try (CandidateBrowser browser = signedIn(viewer, password)) {
            assertThat(browser.textOf("#console-nav")).contains("Results")
                    .doesNotContain("Audit log", "Privacy", "Erasure", "Team", "API keys", "Webhooks");
            for (String adminPage : List.of("#/audit", "#/privacy", "#/erasures", "#/webhooks", "#/webhooks/whk_any")) {
                open(browser, adminPage);
                browser.awaitHeading("This page needs an administrator");
                assertThat(browser.textOf("#needs-admin")).contains("Only an administrator");
            }
            browser.captureWithoutAnyViolation("console-needs-admin");

            // Results are a viewer's to read: no adjustment nor finalisation is offered only to be refused.
            String sessionId = scoredSessionsWithTwoAnswersAwaitingReview(List.of("Vera Viewed")).get(0);
            open(browser, "#/results/" + sessionId);
            browser.awaitHeading("Vera Viewed: Review flow test");
            assertThat(browser.textOf("#read-only")).contains("You can read this result", "Recruiter role");
            assertThat(browser.driver().findElements(By.cssSelector("details.adjust-box"))).isEmpty();
            assertThat(browser.driver().findElements(By.xpath("//main//button[contains(., 'inalise')]"))).isEmpty();
            assertThat(browser.textOf("article.item")).contains("Automatic score:");
        }
    }

    /** A refusal that names no field is shown above the form and takes the focus: the keyboard stays in the form. */
    @Test
    @Order(13)
    void aRefusedSignInSaysWhyAndKeepsTheKeyboardInTheForm() {
        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(console());
            browser.awaitHeading("Sign in");
            fill(browser, "Email", 0, "nobody@console.test");
            fill(browser, "Password", 0, "not the password");
            browser.tabTo(e -> e.getText().equals("Sign in"), "the sign-in button");
            browser.press(Keys.ENTER);
            browser.awaitText("#form-error", "The email or password is incorrect.");
            assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id"))
                    .as("the focus is on the refusal, not lost to the page").isEqualTo("form-error");
            browser.captureWithoutAnyViolation("console-sign-in-refused");
        }
    }

    /**
     * A session the server closed at its deadline says so on its result page, which the recruiter reaches from the
     * report email's link.
     */
    @Test
    @Order(14)
    void aResultClosedAtTheDeadlineSaysSoOnThePageTheReportEmailLinksTo() {
        JsonNode invitation = recruiter.post("/api/v1/invitations", Map.of("testId", stack().demo().demoTestId(),
                "candidate", Map.of("name", "Dee Dline", "email", "dee.dline@console.test"))).expect(201);
        String invitationId = invitation.get("id").asString();
        String link = invitation.get("accessUrl").asString();
        HttpApi anonymous = HttpApi.at(stack().gatewayUrl().toString());
        String token = anonymous.post("/api/v1/auth/candidate",
                Map.of("invitationToken", link.substring(link.indexOf("#token=") + "#token=".length())))
                .expect(200).get("token").asString();
        anonymous.withBearer(token).post("/api/v1/candidate/assessment/start", Map.of()).expect(200);
        // The test's half hour passes at once: the deadline moves into the past, and the server's sweep closes it.
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + stack().config().ports().mongo())) {
            assertThat(mongo.getDatabase("hirepipe-assessments").getCollection("invitations")
                    .updateOne(Filters.eq("_id", invitationId),
                            Updates.set("session.deadline", Date.from(Instant.now().minus(Duration.ofMinutes(1)))))
                    .getMatchedCount()).isEqualTo(1);
        }
        JsonNode result = awaitResultOf("dee.dline@console.test");
        assertThat(result.get("submitReason").asString()).isEqualTo("TIMEOUT");

        // The recruiter follows the report email's link while signed out: sign in, then the result itself.
        String email = new SinkMailbox(stack()).mailTo(stack().demo().recruiterEmail(), "Dee Dline").get("text")
                .asString();
        Matcher resultLink = Pattern.compile("in the console: (\\S+)").matcher(email);
        assertThat(resultLink.find()).as("the report links to the console: " + email).isTrue();
        assertThat(resultLink.group(1)).isEqualTo(console() + "#/results/" + result.get("sessionId").asString());
        try (CandidateBrowser browser = browsers.open(report)) {
            browser.go(resultLink.group(1));
            signIn(browser, stack().demo().recruiterEmail(), stack().demo().recruiterPassword());
            browser.awaitHeading("Dee Dline: ");
            assertThat(browser.mainText()).contains("(at the deadline)");
        }
    }

    /** An emptied extra-time field is asked for, never sent as 0 minutes that would take the extra time away. */
    @Test
    @Order(15)
    void anEmptiedExtraTimeIsAskedForAndTheGrantedTimeKept() {
        String invitationId = recruiter.post("/api/v1/invitations", Map.of("testId", stack().demo().demoTestId(),
                "candidate", Map.of("name", "Tess Extratime", "email", "tess.extratime@console.test"),
                "extraTimeMinutes", 15)).expect(201).get("id").asString();

        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            open(browser, "#/invitations");
            browser.awaitText("#invitation-list", "Tess Extratime");
            WebElement minutes = browser.find("input[aria-label='Extra time in minutes for Tess Extratime']");
            WebElement manage = minutes.findElement(By.xpath("ancestor::details"));
            manage.findElement(By.tagName("summary")).click();
            minutes.clear();
            browser.find("button[aria-label='Set the extra time of Tess Extratime']").click();
            browser.waiting().until(d -> manage.findElement(By.cssSelector(".field-error")).getText()
                    .equals("Enter the extra time in minutes (0 for none)."));
        }
        assertThat(recruiter.get("/api/v1/invitations/" + invitationId).expect(200).get("extraTimeMinutes").asInt())
                .isEqualTo(15);
    }

    /** Revoking an invitation asks first, in place and by keyboard: Cancel keeps it, the confirming button revokes. */
    @Test
    @Order(16)
    void revokingAnInvitationAsksFirstAndCancelKeepsIt() {
        String invitationId = recruiter.post("/api/v1/invitations", Map.of("testId", stack().demo().demoTestId(),
                "candidate", Map.of("name", "Rhea Revoke", "email", "rhea.revoke@console.test"))).expect(201)
                .get("id").asString();

        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            open(browser, "#/invitations");
            browser.awaitText("#invitation-list", "Rhea Revoke");
            WebElement reason = browser.find("input[aria-label='Reason for revoking the invitation of Rhea Revoke']");
            reason.findElement(By.xpath("ancestor::details")).findElement(By.tagName("summary")).click();
            reason.sendKeys("Position filled");
            browser.tabTo(e -> "Revoke the invitation of Rhea Revoke".equals(e.getDomAttribute("aria-label")), "Revoke");
            browser.press(Keys.ENTER);
            browser.awaitText(".inline-confirm", "Revoke the invitation of Rhea Revoke? Their link stops working at once.");
            assertThat(browser.driver().switchTo().activeElement().getText())
                    .as("the question takes the focus").startsWith("Revoke the invitation of Rhea Revoke?");
            browser.script("document.querySelector('.inline-confirm').scrollIntoView({block: 'center'})");
            browser.capture("console-invitation-revoke-confirm");
            browser.tabTo(e -> "Cancel".equals(e.getText()), "Cancel");
            browser.press(Keys.ENTER);
            browser.waiting().until(d -> "Revoke the invitation of Rhea Revoke"
                    .equals(d.switchTo().activeElement().getDomAttribute("aria-label")));
            assertThat(recruiter.get("/api/v1/invitations/" + invitationId).expect(200).get("status").asString())
                    .as("Cancel revokes nothing").isEqualTo("INVITED");

            browser.press(Keys.ENTER);
            browser.tabTo(e -> "Yes, revoke the invitation of Rhea Revoke".equals(e.getDomAttribute("aria-label")),
                    "the confirming button");
            browser.press(Keys.ENTER);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                    recruiter.get("/api/v1/invitations/" + invitationId).expect(200), i -> "REVOKED".equals(i.get("status").asString()));
            assertThat(recruiter.get("/api/v1/invitations/" + invitationId).expect(200).get("revokeReason").asString())
                    .isEqualTo("Position filled");
        }
    }

    /**
     * On a phone (375 px) the tables scroll sideways in their own box: the in-place question before a revocation
     * still comes on screen whole, takes the focus, and its buttons are reached and pressed by keyboard.
     */
    @Test
    @Order(17)
    void atPhoneWidthTheRevokeConfirmationIsOnScreenAndWorksByKeyboard() {
        String invitationId = recruiter.post("/api/v1/invitations", Map.of("testId", stack().demo().demoTestId(),
                "candidate", Map.of("name", "Nadia Narrow", "email", "nadia.narrow@console.test"))).expect(201)
                .get("id").asString();
        String keyName = "Phone-width key " + System.nanoTime();
        recruiter.post("/api/v1/api-keys", Map.of("name", keyName, "scopes", List.of("results:read"))).expect(201);

        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            browser.narrow(375);
            open(browser, "#/invitations");
            browser.awaitText("#invitation-list", "Nadia Narrow");
            browser.tabTo(e -> "summary".equals(e.getTagName())
                    && e.getDomProperty("textContent").startsWith("Nadia Narrow: "), "Nadia Narrow's Manage");
            browser.press(Keys.ENTER);
            browser.tabTo(e -> "Revoke the invitation of Nadia Narrow".equals(e.getDomAttribute("aria-label")), "Revoke");
            browser.press(Keys.ENTER);
            browser.awaitText(".inline-confirm", "Revoke the invitation of Nadia Narrow?");
            assertThat(browser.driver().switchTo().activeElement().getText())
                    .as("the question takes the focus").startsWith("Revoke the invitation of Nadia Narrow?");
            browser.screenshot("console-invitation-revoke-confirm-375");
            WebElement confirm = browser.find(".inline-confirm");
            assertThat(browser.onScreen(confirm)).as(() -> "the whole question is on screen at 375 px: " + browser.whereIs(confirm))
                    .isTrue();
            WebElement yes = browser.tabTo(e -> "Yes, revoke the invitation of Nadia Narrow".equals(e.getDomAttribute("aria-label")),
                    "the confirming button");
            WebElement confirmingButton = yes;
            assertThat(browser.onScreen(yes)).as(() -> "the confirming button is on screen: " + browser.whereIs(confirmingButton))
                    .isTrue();
            WebElement cancel = browser.tabTo(e -> "Cancel".equals(e.getText()), "Cancel");
            assertThat(browser.onScreen(cancel)).as("Cancel is on screen").isTrue();
            browser.press(Keys.ESCAPE);
            browser.waiting().until(d -> "Revoke the invitation of Nadia Narrow"
                    .equals(d.switchTo().activeElement().getDomAttribute("aria-label")));
            assertThat(browser.driver().findElements(By.cssSelector(".inline-confirm"))).isEmpty();
            browser.press(Keys.ENTER);
            browser.tabTo(e -> "Yes, revoke the invitation of Nadia Narrow".equals(e.getDomAttribute("aria-label")),
                    "the confirming button");
            browser.press(Keys.ENTER);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                    recruiter.get("/api/v1/invitations/" + invitationId).expect(200), i -> "REVOKED".equals(i.get("status").asString()));

            open(browser, "#/api-keys");
            browser.awaitText("main table", keyName);
            // Other tests' keys may come first in the list: the focus is put on this key's button, the rest is keys.
            browser.script("arguments[0].focus()", browser.find("button[aria-label='Revoke the key " + keyName + "']"));
            browser.press(Keys.ENTER);
            browser.awaitText(".inline-confirm", "Revoke the key " + keyName + "?");
            browser.screenshot("console-api-key-revoke-confirm-375");
            WebElement keyConfirm = browser.find(".inline-confirm");
            assertThat(browser.onScreen(keyConfirm)).as(() -> "the whole question is on screen at 375 px: " + browser.whereIs(keyConfirm))
                    .isTrue();
            yes = browser.tabTo(e -> ("Yes, revoke the key " + keyName).equals(e.getDomAttribute("aria-label")),
                    "the confirming button");
            assertThat(browser.onScreen(yes)).as("the confirming button is on screen").isTrue();
            browser.press(Keys.ENTER);
            browser.awaitText("#announcer", "Key " + keyName + " revoked.");
            assertThat(apiKeyNamed(keyName).get("revoked").asBoolean()).isTrue();
            browser.capture("console-api-keys-after-revoke");
        }
    }

    /** At 375 px, by keyboard: opens question 1's adjustment and selects its points, which the caller then types. */
    private WebElement adjustQuestionOneAtPhoneWidth(CandidateBrowser browser, String sessionId, String heading) {
        browser.narrow(375);
        open(browser, "#/results/" + sessionId);
        browser.awaitHeading(heading);
        browser.tabTo(e -> "summary".equals(e.getTagName()) && e.getText().equals("Adjust the score of question 1"),
                "question 1's adjustment");
        browser.press(Keys.ENTER);
        WebElement points = browser.tabTo(e -> "number".equals(e.getDomAttribute("type")), "the points");
        browser.chord(Keys.CONTROL, "a");
        return points;
    }

    /**
     * The date filters are the recruiter's own days. In Auckland (UTC+12 or +13) "today" starts at its midnight
     * there, hours before UTC's; the last moment of the day is in, as the end is the next day's first moment.
     */
    private static void filterOnTodayAsARecruiterInAuckland(CandidateBrowser browser) {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", auckland.getId()));
        try {
            LocalDate today = LocalDate.now(auckland);
            List<WebElement> days = browser.driver().findElements(By.cssSelector("form.filters input[type=date]"));
            browser.script("arguments[0].value = arguments[2]; arguments[1].value = arguments[2];",
                    days.get(0), days.get(1), today.toString());
            browser.button("Apply filters");
            browser.awaitText("#results-table", "Ada Console");

            DateTimeFormatter javascriptIso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .withZone(ZoneOffset.UTC);
            assertThat((String) browser.script("return decodeURIComponent(location.hash)")).contains(
                    "submittedFrom=" + javascriptIso.format(today.atStartOfDay(auckland)),
                    "submittedTo=" + javascriptIso.format(today.plusDays(1).atStartOfDay(auckland)));
            browser.driver().navigate().refresh();
            browser.awaitText("#results-table", "Ada Console");
            List<WebElement> shown = browser.driver().findElements(By.cssSelector("form.filters input[type=date]"));
            assertThat(shown).extracting(day -> day.getDomProperty("value"))
                    .as("the page drawn from the address shows the days chosen").containsOnly(today.toString());
        } finally {
            browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
    }

    /**
     * The review of a result with two answers awaiting a person, by keyboard alone: at 375 px the recruiter reads
     * why, refused points show the server's words beside the field, a saved score leaves the focus on its question,
     * and finalising accepts the machine's score of the other one. What the page says is what the API says.
     */
    @Test
    @Order(18)
    void aRecruiterReviewsAndFinalisesAResultByKeyboardAndThePageMatchesTheApi() {
        String sessionId = scoredSessionsWithTwoAnswersAwaitingReview(List.of("Rowan Review")).get(0);
        JsonNode before = recruiter.get("/api/v1/results/" + sessionId).expect(200);
        assertThat(before.get("reviewCount").asInt()).as("both rambling answers await a person: " + before).isEqualTo(2);

        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            open(browser, "#/results/" + sessionId);
            browser.awaitHeading("Rowan Review: Review flow test");
            assertResultPageMatchesTheApi(browser, before);
            assertThat(browser.textOf("#fact-status")).isEqualTo("Provisional: 2 to review");
            assertReviewReasonsAsTheApiHasThem(browser, before);
            browser.captureWithoutAnyViolation("console-result-two-to-review");

            WebElement points = adjustQuestionOneAtPhoneWidth(browser, sessionId, "Rowan Review: Review flow test");
            browser.press("9");
            browser.tabTo(e -> "textarea".equals(e.getTagName()), "the reason").sendKeys("Names the key, and no more.");
            browser.tabTo(e -> "Save the adjusted score".equals(e.getText()), "Save").sendKeys(Keys.ENTER);
            // More than the item's maximum: the server's words beside the field, the focus on it, nothing saved.
            browser.awaitText("details.adjust-box[open] .field-error", "Points: must be between 0 and the item's maximum, 4");
            assertThat(browser.driver().switchTo().activeElement()).isEqualTo(points);
            assertThat(points.getDomAttribute("aria-invalid")).isEqualTo("true");
            browser.screenshot("console-result-adjust-refused-375");
            browser.chord(Keys.CONTROL, "a");
            browser.press("1.255");
            browser.tabTo(e -> "Save the adjusted score".equals(e.getText()), "Save").sendKeys(Keys.ENTER);
            browser.awaitText("details.adjust-box[open] .field-error", "Points: must have at most two decimals");
            assertThat(recruiter.get("/api/v1/results/" + sessionId).expect(200).get("points").decimalValue())
                    .as("nothing was saved").isEqualByComparingTo(before.get("points").decimalValue());

            browser.chord(Keys.CONTROL, "a");
            browser.press("3");
            browser.tabTo(e -> "Save the adjusted score".equals(e.getText()), "Save").sendKeys(Keys.ENTER);
            browser.awaitText("#fact-status", "Provisional: 1 to review");
            JsonNode adjusted = recruiter.get("/api/v1/results/" + sessionId).expect(200);
            assertThat(adjusted.get("items").get(0).get("humanPoints").decimalValue()).isEqualByComparingTo("3");
            assertResultPageMatchesTheApi(browser, adjusted);
            WebElement focused = browser.driver().switchTo().activeElement();
            assertThat(focused.getDomAttribute("id")).as("the focus stays with the question just scored, not the page's top")
                    .isEqualTo("item-0");
            assertThat(browser.onScreen(focused)).isTrue();
            browser.awaitText("#announcer", "Question 1 now has 3 of 4 points");
            assertThat(browser.textOf("article.item:nth-of-type(1) .history")).contains("set", "→ 3",
                    "because: Names the key, and no more.", stack().demo().recruiterEmail());
            browser.screenshot("console-result-adjusted-375");

            // The other one: its machine score accepted when the result is finalised.
            browser.fullWidth();
            browser.tabTo(e -> e.getText().startsWith("Accept the remaining automatic score"), "Finalise")
                    .sendKeys(Keys.ENTER);
            browser.awaitText("#fact-status", "Final, by " + stack().demo().recruiterEmail());
            JsonNode finalised = recruiter.get("/api/v1/results/" + sessionId).expect(200);
            assertThat(finalised.get("provisional").asBoolean()).isFalse();
            assertThat(finalised.get("reviewCount").asInt()).isZero();
            assertResultPageMatchesTheApi(browser, finalised);
            assertThat(browser.textOf("article.item:nth-of-type(2) .history")).contains("accepted",
                    "machine score accepted at finalisation");
            assertThat(browser.driver().findElements(By.xpath("//main//button[starts-with(normalize-space(.), 'Accept the remaining')]")))
                    .as("nothing left to finalise").isEmpty();
            browser.captureWithoutAnyViolation("console-result-finalised");
        }
    }

    /** Every answer awaiting review scored by a person: the page says nothing is left, and finalising accepts nothing. */
    @Test
    @Order(19)
    void aResultWhoseReviewIsDoneSaysSoAndIsFinalisedWithoutAcceptingAnything() {
        String other = scoredSessionsWithTwoAnswersAwaitingReview(List.of("Robin Review")).get(0);
        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            for (JsonNode item : recruiter.get("/api/v1/results/" + other).expect(200).get("items")) {
                if (item.get("awaitingReview").asBoolean()) {
                    recruiter.put("/api/v1/results/" + other + "/items/" + item.get("questionId").asString(),
                            Map.of("points", 2, "reason", "Read by a person")).expect(200);
                }
            }
            open(browser, "#/results/" + other);
            browser.awaitHeading("Robin Review: Review flow test");
            assertResultPageMatchesTheApi(browser, recruiter.get("/api/v1/results/" + other).expect(200));
            browser.tabTo(e -> "Finalise the result".equals(e.getText()), "Finalise").sendKeys(Keys.ENTER);
            browser.awaitText("#fact-status", "Final, by " + stack().demo().recruiterEmail());
            JsonNode finalised = recruiter.get("/api/v1/results/" + other).expect(200);
            assertThat(finalised.get("provisional").asBoolean()).isFalse();
            assertThat(finalised.toString()).as("no machine score was accepted").doesNotContain("ACCEPTED");
        }
    }

    /**
     * Two reviewers on one result: the one who saves second decided on points another has changed since. The page
     * does not overwrite that change: it shows it, keeps what was typed in the open form with the focus there, and
     * saving again applies. Finalising a result that changed since it was shown is refused the same way.
     */
    @Test
    @Order(20)
    void aReviewerWhoseResultChangedMeanwhileSeesTheOtherChangeAndKeepsWhatTheyTyped() {
        String sessionId = scoredSessionsWithTwoAnswersAwaitingReview(List.of("Casey Clash")).get(0);
        JsonNode before = recruiter.get("/api/v1/results/" + sessionId).expect(200);
        String first = before.get("items").get(0).get("questionId").asString();
        String second = before.get("items").get(1).get("questionId").asString();

        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            adjustQuestionOneAtPhoneWidth(browser, sessionId, "Casey Clash: Review flow test");
            browser.press("1");
            browser.tabTo(e -> "textarea".equals(e.getTagName()), "the reason").sendKeys("Misses the event id.");
            // Meanwhile a colleague sets the same question.
            recruiter.put("/api/v1/results/" + sessionId + "/items/" + first,
                    Map.of("points", 4, "reason", "Both ideas, in other words")).expect(200);
            browser.tabTo(e -> "Save the adjusted score".equals(e.getText()), "Save").sendKeys(Keys.ENTER);

            browser.awaitText("details.adjust-box[open] .notice.error", "Someone else changed this result while you had it open");
            JsonNode after = recruiter.get("/api/v1/results/" + sessionId).expect(200);
            assertThat(after.get("items").get(0).get("humanPoints").decimalValue()).as("the colleague's value stands")
                    .isEqualByComparingTo("4");
            assertThat(after.get("items").get(0).get("history")).hasSize(1);
            assertResultPageMatchesTheApi(browser, after);
            assertThat(browser.textOf("article.item:nth-of-type(1) .history")).contains("Both ideas, in other words");
            WebElement open = browser.driver().findElement(By.cssSelector("details.adjust-box[open]"));
            assertThat(open.findElement(By.cssSelector("input[type=number]")).getDomProperty("value"))
                    .as("what was typed is kept").isEqualTo("1");
            assertThat(open.findElement(By.cssSelector("textarea")).getDomProperty("value")).isEqualTo("Misses the event id.");
            assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("adjust-error-0");
            browser.screenshot("console-result-changed-meanwhile-375");

            browser.tabTo(e -> "Save the adjusted score".equals(e.getText()), "Save").sendKeys(Keys.ENTER);
            browser.awaitText("#announcer", "Question 1 now has 1 of 4 points");
            assertThat(recruiter.get("/api/v1/results/" + sessionId).expect(200).get("items").get(0).get("history"))
                    .as("saved again, on what the recruiter has now seen").hasSize(2);

            browser.fullWidth();
            open(browser, "#/results/" + sessionId);
            browser.awaitHeading("Casey Clash: Review flow test");
            recruiter.put("/api/v1/results/" + sessionId + "/items/" + second,
                    Map.of("points", 2, "reason", "Read by a colleague")).expect(200);
            browser.tabTo(e -> e.getText().startsWith("Accept the remaining automatic score"), "Finalise")
                    .sendKeys(Keys.ENTER);
            browser.awaitText("#finalize-error", "Nothing was finalised");
            JsonNode unfinalised = recruiter.get("/api/v1/results/" + sessionId).expect(200);
            assertThat(unfinalised.get("provisional").asBoolean()).as("no score accepted unseen").isTrue();
            assertResultPageMatchesTheApi(browser, unfinalised);
            assertThat(browser.driver().switchTo().activeElement().getDomAttribute("id")).isEqualTo("finalize-error");
            browser.tabTo(e -> "Finalise the result".equals(e.getText()), "Finalise").sendKeys(Keys.ENTER);
            browser.awaitText("#fact-status", "Final, by " + stack().demo().recruiterEmail());
        }
    }

    // --- webhooks ------------------------------------------------------------------------------------------------

    /**
     * A receiver on this machine (the local stack lets webhooks reach loopback over http) answers 500, then 410 Gone,
     * then 204. A 500 is retried after seconds; the 410 ends the delivery as failed and disables the subscription,
     * which is the way a delivery fails for good within a test (retries otherwise go on for a day).
     */
    @Test
    @Order(21)
    void anAdminSubscribesAReceiverSeesAFailedDeliveryAndDeliversItAgain() throws IOException {
        try (TestEventReceiver receiver = TestEventReceiver.answering(500, 410);
             CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            String url = receiver.url("/hooks");
            List<String> received = receiver.received();
            browser.find("#console-nav a[href='#/webhooks']").click();
            browser.awaitHeading("Webhooks");

            // The SSRF guard's refusal shows beside the URL.
            fill(browser, "Endpoint URL", 0, "http://169.254.169.254/latest/meta-data");
            checkLabelStartingWith(browser, "assessment.scored");
            browser.button("Subscribe");
            browser.awaitText("[data-error-for='url']", "URL: The webhook URL resolves to a link-local (cloud metadata) address 169.254.169.254");
            assertThat(fieldNamed(browser, "Endpoint URL", 0).getDomAttribute("aria-invalid")).isEqualTo("true");
            browser.captureWithoutAnyViolation("console-webhooks-refused-url");

            fill(browser, "Endpoint URL", 0, url);
            browser.button("Subscribe");
            browser.awaitText("#created-webhook", "shown only once");
            String secret = fieldNamed(browser, "Signing secret", 0).getDomProperty("value");
            assertThat(secret).startsWith("whsec_");
            assertThat(fieldNamed(browser, "Signing secret", 0).getDomAttribute("readonly")).isNotNull();
            browser.awaitText("main table", url);
            browser.captureWithoutAnyViolation("console-webhooks");

            browser.driver().findElement(By.linkText(url)).click();
            browser.awaitHeading("Webhook subscription");
            String id = browser.driver().getCurrentUrl().replaceFirst(".*#/webhooks/", "");
            assertThat(browser.textOf("main")).as("the secret is never shown again").doesNotContain(secret);
            browser.button("Send a test event");
            browser.awaitText("#webhook-outcome", "The test event was not delivered (HTTP 500)");
            browser.awaitText("#announcer", "The test event was not delivered (HTTP 500)");
            assertThat(browser.textOf("#webhook-deliveries tbody")).as("drawn before the outcome is said")
                    .contains("webhook.test", "pending", "HTTP 500");

            // The retry meets 410 Gone: failed for good, and the subscription disabled.
            await().atMost(Duration.ofSeconds(60)).pollInterval(REFRESH_PRESS_POLL).untilAsserted(() -> {
                browser.button("Refresh");
                assertThat(browser.textOf("#webhook-deliveries tbody")).contains("failed", "410 Gone");
            });
            browser.awaitText("#webhook-status", "disabled");
            browser.captureWithoutAnyViolation("console-webhook-failed");
            // The dashboard's line about it leads back here.
            open(browser, "#/");
            browser.awaitText("main", "1 failed webhook delivery to " + url);
            browser.driver().findElement(By.partialLinkText("failed webhook delivery to " + url)).click();
            browser.awaitHeading("Webhook subscription");
            browser.awaitText("#webhook-deliveries tbody", "410 Gone");

            browser.button("Enable");
            browser.awaitText("#webhook-status", "enabled");
            browser.button("Deliver again");
            browser.awaitText("#webhook-outcome", "The webhook.test delivery was delivered: the receiver answered 204.");
            assertThat(browser.textOf("#webhook-deliveries tbody")).contains("succeeded");
            assertThat(received).as("one event, tried three times under one webhook-id").hasSize(3)
                    .allMatch(received.get(0)::equals);

            browser.button("Rotate the secret");
            browser.awaitText("#rotated-secret", "shown only once");
            assertThat(fieldNamed(browser, "Signing secret", 0).getDomProperty("value")).startsWith("whsec_")
                    .isNotEqualTo(secret);
            browser.allowClipboard(true);
            browser.find("button[aria-label='Copy the signing secret']").click();
            browser.awaitText("#announcer", "Copied");
            assertThat(browser.clipboardText()).isEqualTo(fieldNamed(browser, "Signing secret", 0).getDomProperty("value"));
            browser.captureWithoutAnyViolation("console-webhook");

            // Deleting asks first, in place; Cancel deletes nothing.
            String delete = "button[aria-label='Delete the subscription of " + url + "']";
            browser.find(delete).click();
            browser.awaitText(".inline-confirm", "Delete the subscription of " + url + "?");
            browser.button("Cancel");
            assertThat(browser.driver().findElements(By.cssSelector(".inline-confirm"))).isEmpty();
            recruiter.get("/api/v1/notifications/webhooks/" + id).expect(200);
            browser.find(delete).click();
            browser.find("button[aria-label='Yes, delete the subscription of " + url + "']").click();
            browser.awaitHeading("Webhooks");
            browser.awaitText("#announcer", "Subscription of " + url + " deleted.");
            assertThat(browser.textOf("main")).doesNotContain(url);
            recruiter.get("/api/v1/notifications/webhooks/" + id).problem(404);
        }
    }

    /**
     * The page offers the event types the API description lists, and the API takes a subscription to every one. Two
     * test events fail for good (410 Gone, which also disables the subscription, enabled again each time); one press of
     * "Deliver all failed again" sends both once more. A clipboard the browser refuses is said, and the secret is
     * selected to be copied by hand.
     */
    @Test
    @Order(24)
    void theWebhooksPageOffersEveryEventTypeTheApiTakesAndDeliversAllFailedAgain() throws IOException {
        try (TestEventReceiver receiver = TestEventReceiver.answering(410, 410);
             CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            String url = receiver.url("/every-event");
            List<String> received = receiver.received();
            open(browser, "#/webhooks");
            browser.awaitHeading("Webhooks");
            List<WebElement> boxes = browser.driver().findElements(By.cssSelector(".checklist input[type=checkbox]"));
            List<String> offered = boxes.stream().map(box -> box.getDomAttribute("value")).toList();
            assertThat(offered).as("the event types the page offers, against those the API description lists")
                    .containsExactlyInAnyOrderElementsOf(eventTypesDescribed());

            fill(browser, "Endpoint URL", 0, url);
            boxes.forEach(WebElement::click);
            browser.button("Subscribe");
            browser.awaitText("#created-webhook", "shown only once");
            browser.allowClipboard(false);
            browser.find("button[aria-label='Copy the signing secret']").click();
            browser.awaitText("#announcer", "could not copy");
            assertThat((Boolean) browser.script("""
                    const field = document.getElementById('new-webhook-secret');
                    return document.activeElement === field && field.selectionStart === 0
                      && field.selectionEnd === field.value.length;""")).as("the secret is selected to copy by hand").isTrue();
            browser.captureWithoutAnyViolation("console-webhooks-copy-refused");
            JsonNode subscription = recruiter.get("/api/v1/notifications/webhooks").expect(200).get("items").valueStream()
                    .filter(s -> url.equals(s.path("url").asString())).findFirst().orElseThrow();
            assertThat(subscription.get("eventTypes").valueStream().map(JsonNode::asString).toList())
                    .as("the API took every type the page offers").containsExactlyInAnyOrderElementsOf(offered);

            String path = "/api/v1/notifications/webhooks/" + subscription.get("id").asString();
            Map<String, Object> enabled = Map.of("url", url, "eventTypes", offered, "enabled", true);
            for (int failed = 1; failed <= 2; failed++) {
                recruiter.post(path + "/ping", Map.of()).expect(202);
                int expected = failed;
                // Enabled again only once the 410 has disabled it, or the disabling would come after and stay.
                await().atMost(Duration.ofSeconds(60)).pollInterval(STACK_POLL).until(() -> recruiter
                        .get(path + "/deliveries?status=FAILED").expect(200).get("items").size() == expected
                        && !recruiter.get(path).expect(200).get("enabled").asBoolean());
                recruiter.put(path, enabled).expect(200);
            }
            open(browser, "#/webhooks/" + subscription.get("id").asString());
            browser.awaitText("#webhook-deliveries tbody", "410 Gone");
            browser.button("Deliver all failed again");
            browser.awaitText("#webhook-outcome", "2 failed deliveries queued to be sent again.");
            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() == 4);
            assertThat(received.get(0)).isNotEqualTo(received.get(1));
            assertThat(received.subList(2, 4)).as("each failed delivery once more, under its own webhook-id")
                    .containsExactlyInAnyOrder(received.get(0), received.get(1));
            await().atMost(Duration.ofSeconds(30)).pollInterval(REFRESH_PRESS_POLL).untilAsserted(() -> {
                browser.button("Refresh");
                assertThat(browser.textOf("#webhook-deliveries tbody")).doesNotContain("failed").contains("succeeded");
            });
            browser.captureWithoutAnyViolation("console-webhook-all-delivered-again");
            recruiter.delete(path).expect(204);
        }
    }

    /**
     * Retiring a question or a test, and deleting a draft test, cannot be undone: each asks first, in place, as revoking
     * a key or deactivating someone does; Cancel changes nothing and gives the focus back.
     */
    @Test
    @Order(25)
    void retiringAndDeletingADraftAskFirstAndCancelChangesNothing() {
        String question = publish(Map.of("kind", "SINGLE_CHOICE", "title", "A question to retire",
                "prompt", "Which Kafka feature keeps one session's events in order?",
                "options", List.of(Map.of("id", "a", "text", "Record keys"), Map.of("id", "b", "text", "Log compaction")),
                "correctOptionIds", List.of("a"), "points", 1));
        Map<String, Object> test = Map.of("title", "A test to retire", "durationMinutes", 20, "passMarkPercent", 50,
                "sections", List.of(Map.of("title", "Kafka", "questionIds", List.of(question))));
        String published = recruiter.post("/api/v1/tests", test).expect(201).get("id").asString();
        Map<String, Object> draftTest = new java.util.HashMap<>(test);
        draftTest.put("title", "A draft to delete");
        draftTest.put("draft", true);
        String draft = recruiter.post("/api/v1/tests", draftTest).expect(201).get("id").asString();
        try (CandidateBrowser browser = signedIn(stack().demo().recruiterEmail(), stack().demo().recruiterPassword())) {
            open(browser, "#/tests/" + published);
            browser.awaitHeading("Test: A test to retire");
            askThenCancel(browser, "Retire", "Retire the test A test to retire?");
            assertThat(recruiter.get("/api/v1/tests/" + published).expect(200).get("status").asString()).isEqualTo("PUBLISHED");
            browser.button("Retire");
            browser.captureWithoutAnyViolation("console-test-retire-confirm");
            browser.find("button[aria-label='Yes, retire the test A test to retire']").click();
            browser.awaitText("#announcer", "Test retired.");
            assertThat(recruiter.get("/api/v1/tests/" + published).expect(200).get("status").asString()).isEqualTo("RETIRED");

            open(browser, "#/tests/" + draft);
            browser.awaitHeading("Test: A draft to delete");
            askThenCancel(browser, "Delete this draft", "Delete the draft test A draft to delete?");
            recruiter.get("/api/v1/tests/" + draft).expect(200);
            browser.button("Delete this draft");
            browser.find("button[aria-label='Yes, delete the draft test A draft to delete']").click();
            browser.awaitText("#announcer", "Draft deleted.");
            recruiter.get("/api/v1/tests/" + draft).problem(404);

            open(browser, "#/questions/" + question);
            browser.awaitHeading("Edit question: A question to retire");
            askThenCancel(browser, "Retire", "Retire the question A question to retire?");
            assertThat(recruiter.get("/api/v1/questions/" + question).expect(200).get("status").asString()).isEqualTo("PUBLISHED");
            browser.button("Retire");
            browser.find("button[aria-label='Yes, retire the question A question to retire']").click();
            browser.awaitText("#announcer", "Question retired.");
            assertThat(recruiter.get("/api/v1/questions/" + question).expect(200).get("status").asString()).isEqualTo("RETIRED");
        }
    }

    /** Presses {@code trigger}: its question takes the focus; Cancel puts the focus back on it and asks nothing more. */
    private static void askThenCancel(CandidateBrowser browser, String trigger, String question) {
        browser.button(trigger);
        browser.awaitText(".inline-confirm", question);
        assertThat(browser.driver().switchTo().activeElement().getText()).as("the question takes the focus").startsWith(question);
        browser.button("Cancel");
        browser.waiting().until(d -> trigger.equals(d.switchTo().activeElement().getText()));
        assertThat(browser.driver().findElements(By.cssSelector(".inline-confirm"))).isEmpty();
    }

    /** The subscription's event types as the API description lists them (the enum of SubscriptionRequest). */
    private List<String> eventTypesDescribed() {
        JsonNode document = PublicApiDocument.complete(HttpApi.at(stack().gatewayUrl().toString()));
        String schema = document.at("/paths/~1api~1v1~1notifications~1webhooks/post/requestBody/content/application~1json"
                + "/schema/$ref").asString("");
        return document.at("/components/schemas/" + schema.substring(schema.lastIndexOf('/') + 1)
                + "/properties/eventTypes/items/enum").valueStream().map(JsonNode::asString).toList();
    }

    /** The facts at the top of a result page and each item's points, as the API has them. */
    private static void assertResultPageMatchesTheApi(CandidateBrowser browser, JsonNode result) {
        browser.awaitText("#fact-score", plain(result.get("points").decimalValue()) + " / " + result.get("maxPoints").asInt()
                + " (" + Math.round(result.get("percent").asDouble()) + "%)");
        int toReview = result.get("reviewCount").asInt();
        assertThat(browser.textOf("#fact-status")).isEqualTo(!result.get("provisional").asBoolean()
                ? "Final, by " + result.get("finalizedBy").asString()
                : toReview > 0 ? "Provisional: " + toReview + " to review" : "Provisional: nothing left to review, not yet final");
        List<WebElement> articles = browser.driver().findElements(By.cssSelector("article.item"));
        assertThat(articles).hasSize(result.get("items").size());
        for (int i = 0; i < articles.size(); i++) {
            JsonNode item = result.get("items").get(i);
            String text = articles.get(i).getText();
            assertThat(text).as("item " + (i + 1)).contains("Automatic score: "
                    + plain(item.get("machinePoints").decimalValue()) + " / " + item.get("maxPoints").asInt());
            if (item.hasNonNull("humanPoints")) {
                assertThat(text).contains("Reviewer's score: " + plain(item.get("humanPoints").decimalValue()));
            }
            assertThat(articles.get(i).findElements(By.cssSelector(".badge-provisional"))).as("item " + (i + 1)
                    + " marked as needing review").hasSize(item.get("awaitingReview").asBoolean() ? 1 : 0);
        }
    }

    /**
     * A test of two free-text questions and a choice, taken through the candidate API by each of {@code names} with a
     * rambling answer to both free-text questions (the grader asks a person to look at each) and scored; their
     * session ids.
     */
    private List<String> scoredSessionsWithTwoAnswersAwaitingReview(List<String> names) {
        Map<String, Object> rubric = Map.of("keyPoints", List.of(
                Map.of("id", "unique-key", "description", "Stores effects under a unique key",
                        "phrases", List.of("unique key"), "points", 2),
                Map.of("id", "event-id", "description", "Deduplicates by event id",
                        "phrases", List.of("event id"), "points", 2)));
        String first = publish(Map.of("kind", "FREE_TEXT", "title", "Redelivered events, first look",
                "prompt", "How do you make a Kafka consumer safe against redelivered events?", "rubric", rubric));
        String second = publish(Map.of("kind", "FREE_TEXT", "title", "Redelivered events, second look",
                "prompt", "How do you make a Kafka consumer safe against redelivered events?", "rubric", rubric));
        String choice = publish(Map.of("kind", "SINGLE_CHOICE", "title", "Ordering, once more",
                "prompt", "Which Kafka feature keeps one session's events in order?",
                "options", List.of(Map.of("id", "a", "text", "Record keys mapping to one partition"),
                        Map.of("id", "b", "text", "Log compaction")),
                "correctOptionIds", List.of("a"), "points", 2));
        String test = recruiter.post("/api/v1/tests", Map.of("title", "Review flow test", "durationMinutes", 20,
                "passMarkPercent", 50, "sections", List.of(Map.of("title", "Kafka",
                        "questionIds", List.of(first, second, choice))))).expect(201).get("id").asString();
        return names.stream().map(name -> {
            String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@console.test";
            String link = recruiter.post("/api/v1/invitations", Map.of("testId", test,
                    "candidate", Map.of("name", name, "email", email))).expect(201).get("accessUrl").asString();
            takeThroughTheApi(link, first, second, choice);
            return email;
        }).toList().stream().map(email -> awaitResultOf(email).get("sessionId").asString()).toList();
    }

    private void takeThroughTheApi(String link, String first, String second, String choice) {
        HttpApi anonymous = HttpApi.at(stack().gatewayUrl().toString());
        HttpApi candidate = anonymous.withBearer(anonymous.post("/api/v1/auth/candidate",
                Map.of("invitationToken", link.substring(link.indexOf("#token=") + "#token=".length())))
                .expect(200).get("token").asString());
        candidate.post("/api/v1/candidate/assessment/start", Map.of()).expect(200);
        String answers = "/api/v1/candidate/assessment/answers/";
        candidate.put(answers + first, Map.of("sequence", 1, "text", RAMBLING)).expect(200);
        candidate.put(answers + second, Map.of("sequence", 1, "text", RAMBLING)).expect(200);
        candidate.put(answers + choice, Map.of("sequence", 1, "selectedOptionIds", List.of("a"))).expect(200);
        candidate.post("/api/v1/candidate/assessment/submit", Map.of()).expect(200);
    }

    private String publish(Map<String, Object> question) {
        String id = recruiter.post("/api/v1/questions", question).expect(201).get("id").asString();
        recruiter.post("/api/v1/questions/" + id + "/publish", Map.of()).expect(200);
        return id;
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /**
     * Loads a console page afresh, as a bookmark or a reload would: each page's transfer is then judged
     * as a first visit, not as the sum of everything this browser did before.
     */
    private void open(CandidateBrowser browser, String fragment) {
        browser.go("about:blank");
        browser.go(console() + fragment);
    }

    /** A fresh browser, signed in to the console. */
    private CandidateBrowser signedIn(String email, String password) {
        CandidateBrowser browser = browsers.open(report);
        browser.go(console());
        signIn(browser, email, password);
        browser.awaitHeading("Dashboard");
        return browser;
    }

    private void signIn(CandidateBrowser browser, String email, String password) {
        browser.awaitHeading("Sign in");
        fill(browser, "Email", 0, email);
        fill(browser, "Password", 0, password);
        browser.button("Sign in");
    }

    /** Presses Shift+Tab until {@code target} has focus, checking the focus is visible. */
    private static WebElement shiftTabTo(CandidateBrowser browser, java.util.function.Predicate<WebElement> target) {
        for (int i = 0; i < 20; i++) {
            browser.chord(Keys.SHIFT, Keys.TAB.toString());
            WebElement active = browser.driver().switchTo().activeElement();
            if (target.test(active)) {
                assertThat(active.getCssValue("outline-style")).isNotEqualTo("none");
                return active;
            }
        }
        throw new AssertionError("Shift+Tab never reached the target; the page says: " + browser.mainText());
    }

    private static void assertSessionIsAnHttpOnlyStrictCookie(CandidateBrowser browser) {
        Cookie cookie = browser.driver().manage().getCookieNamed(SESSION_COOKIE);
        assertThat(cookie).as("the session cookie").isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat((String) browser.script("return document.cookie")).doesNotContain(cookie.getValue());
    }

    /** The nth control whose label reads exactly {@code label}; forms are redrawn whole, so a stale find is repeated. */
    private static WebElement fieldNamed(CandidateBrowser browser, String label, int nth) {
        return browser.waiting().until(d -> {
            List<WebElement> labels = d.findElements(By.xpath("//main//label[normalize-space(.)='" + label + "']"));
            return labels.size() > nth ? d.findElement(By.id(labels.get(nth).getDomAttribute("for"))) : null;
        });
    }

    private static void fill(CandidateBrowser browser, String label, int nth, String text) {
        for (int attempt = 0; ; attempt++) {
            try {
                WebElement control = fieldNamed(browser, label, nth);
                control.clear();
                control.sendKeys(text);
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 3) {
                    throw redrawn;
                }
            }
        }
    }

    private static void checkLabelStartingWith(CandidateBrowser browser, String text) {
        browser.waiting().until(d -> d.findElements(By.cssSelector("main .check label")).stream()
                .filter(label -> label.getText().startsWith(text)).findFirst().orElse(null)).click();
    }

    private JsonNode userNamed(String email) {
        return recruiter.get("/api/v1/users").expect(200).get("items").valueStream()
                .filter(user -> email.equals(user.path("email").asString())).findFirst().orElseThrow();
    }

    private JsonNode apiKeyNamed(String name) {
        for (JsonNode key : recruiter.get("/api/v1/api-keys").expect(200).get("items")) {
            if (name.equals(key.path("name").asString())) {
                return key;
            }
        }
        throw new AssertionError("no API key named " + name);
    }

    private JsonNode awaitResultOf(String email) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(STACK_POLL).until(() -> {
            for (JsonNode invitation : recruiter.get("/api/v1/invitations?limit=200").expect(200).get("items")) {
                if (email.equals(invitation.path("candidate").path("email").asString())
                        && invitation.hasNonNull("sessionId")) {
                    HttpApi.Response result = recruiter.get("/api/v1/results/" + invitation.get("sessionId").asString());
                    return result.status() == 200 ? result.json() : null;
                }
            }
            return null;
        }, found -> found != null);
    }

    /** Each item of the page shows why it needs review, in the result's own words, or nothing when it does not. */
    private static void assertReviewReasonsAsTheApiHasThem(CandidateBrowser browser, JsonNode result) {
        for (WebElement article : browser.driver().findElements(By.cssSelector("article.item"))) {
            String title = article.findElement(By.tagName("h3")).getText().replaceFirst("^\\d+\\. ", "");
            JsonNode item = itemTitled(result, title);
            List<String> reasons = StreamSupport.stream(item.path("reviewReasons").spliterator(), false)
                    .map(JsonNode::asString).toList();
            boolean explained = item.path("awaitingReview").asBoolean() && !reasons.isEmpty();
            assertThat(article.findElements(By.cssSelector(".review-reasons"))).as(title).hasSize(explained ? 1 : 0);
            if (explained) {
                assertThat(article.findElement(By.cssSelector(".review-reasons")).getText()).as(title)
                        .isEqualTo("Why it needs review: " + String.join("; ", reasons) + ".");
            }
        }
    }

    private static JsonNode itemTitled(JsonNode result, String title) {
        for (JsonNode item : result.get("items")) {
            if (title.equals(item.path("title").asString())) {
                return item;
            }
        }
        throw new AssertionError("no item titled " + title + " in " + result);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private String linkFromMail(String recipient) {
        return new SinkMailbox(stack()).candidateLink(recipient, TEST_TITLE);
    }

    /**
     * A second organisation with its own recruiter: the stack seeds only one, and the gateway has no API
     * that creates organisations, so it is written into the gateway's database directly.
     */
    private void addOtherOrganisation() {
        inGatewayDatabase(gateway -> {
            if (gateway.getCollection("recruiters").countDocuments(Filters.eq("email", OTHER_EMAIL)) == 0) {
                gateway.getCollection("tenants").insertOne(new Document("_id", OTHER_TENANT)
                        .append("name", "Another organisation").append("createdAt", new Date()));
                gateway.getCollection("recruiters").insertOne(new Document("_id", "usr_console_other")
                        .append("tenantId", OTHER_TENANT).append("email", OTHER_EMAIL)
                        .append("passwordHash", PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(OTHER_PASSWORD))
                        .append("createdAt", new Date()));
            }
        });
    }

    /** Ends every console session of a recruiter on the server, as a lapse of time would. */
    private void endSessionsOf(String email) {
        inGatewayDatabase(gateway -> assertThat(gateway.getCollection("browser_sessions")
                .updateMany(Filters.eq("email", email), Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(60))))
                .getModifiedCount()).isPositive());
    }

    private void inGatewayDatabase(java.util.function.Consumer<MongoDatabase> work) {
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + stack().config().ports().mongo())) {
            work.accept(mongo.getDatabase("hirepipe-gateway"));
        }
    }
}
