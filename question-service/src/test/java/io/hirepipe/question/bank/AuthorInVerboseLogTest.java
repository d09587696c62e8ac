package io.hirepipe.question.bank;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.VerboseLogging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.hirepipe.question.support.Questions.freeText;
import static io.hirepipe.question.support.Questions.singleChoice;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator chasing a problem turns Spring MVC, Kafka and this service's own loggers to DEBUG or TRACE: they then
 * log the bodies and events that go through them. Questions are written, published, read, exported and imported
 * (JSON and QTI) into another tenant here, and the log holds neither author's email.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthorInVerboseLogTest extends IntegrationTestBase {

    private static final List<String> VERBOSE = List.of("org.springframework.web", "org.springframework.kafka",
            "io.hirepipe");

    @Test
    void writingReadingAndMovingQuestionsLogsNoAuthor(CapturedOutput output) throws IOException {
        String author = "rita.author-" + UUID.randomUUID() + "@acme.example";
        String importer = "ivan.importer-" + UUID.randomUUID() + "@globex.example";
        Caller rita = Caller.recruiter(tenant, "user-rita", author);
        Caller ivan = Caller.recruiter(newTenant(), "user-ivan", importer);
        try (VerboseLogging verbose = VerboseLogging.at(LogLevel.TRACE, VERBOSE)) {
            String draft = createQuestion(rita, freeText("Design a rate limiter")).get("id").asString();
            String published = createPublishedQuestion(rita, singleChoice("Index trade-off")).get("id").asString();
            api(rita).get("/api/questions/" + published + "/versions").expect(200);
            api(rita).get("/api/questions").expect(200);
            assertThat(api(rita).get("/api/questions/" + draft).expect(200).toString()).as("a view names its author")
                    .contains(author);
            ObjectNode bank = (ObjectNode) api(rita).get("/api/questions/export").expect(200);
            // a bank file as a person writes it, signed with their address
            bank.put("author", author);
            assertThat(api(rita).get("/api/questions/export/qti").status()).isEqualTo(200);

            api(ivan).post("/api/questions/import", bank).expect(200);
            api(ivan).sendRaw("POST", "/api/questions/import/qti", "application/xml", qtiItem()).expect(200);
            JsonNode imported = api(ivan).get("/api/questions").expect(200);
            api(ivan).get("/api/questions/" + imported.get("items").get(0).get("id").asString()).expect(200);
        }

        assertThat(output).as("Spring MVC logged the bodies").contains("QuestionView[", "StarterBank[");
        assertThat(output.toString()).doesNotContainIgnoringCase(author).doesNotContainIgnoringCase(importer);
    }

    private static String qtiItem() throws IOException {
        try (InputStream in = AuthorInVerboseLogTest.class.getResourceAsStream("/qti/single-choice-item.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
