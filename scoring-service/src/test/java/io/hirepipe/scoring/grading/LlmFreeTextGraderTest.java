package io.hirepipe.scoring.grading;

import com.sun.net.httpserver.HttpServer;
import io.hirepipe.scoring.grading.FreeTextGrade.GradeFlag;
import io.hirepipe.scoring.grading.FreeTextGrade.KeyPointEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.Verdict;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation;
import io.hirepipe.testkit.VerboseLogging;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM grader against a stub OpenAI-compatible server (the JDK's HttpServer): strict JSON verdicts are
 * used; anything else, or no answer in time, falls back to the embedded grader.
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmFreeTextGraderTest {

    private static final FreeTextRubric RUBRIC = SemanticFreeTextGraderTest.RUBRIC;
    private static final String ANSWER = "Replicas keep a full copy of the primary's data and take over on failover. "
            + "Sharding copies all data to every node.";
    private static final String API_KEY = "sk-test-9fQ2xLm7Rt4Wp8Kd";
    /** Verdicts that quote the answer word for word: the grade is the model's. */
    private static final String USABLE_REPLY = """
            {"keyPoints":[
              {"id":"copies","verdict":"MET","quote":"Replicas keep a full copy of the primary's data"},
              {"id":"availability","verdict":"PARTLY_MET","quote":"take over on failover"},
              {"id":"splits","verdict":"MISSED","quote":""}],
             "misconceptions":[{"id":"sharding-copies-all","quote":"Sharding copies all data to every node"}]}
            """;

    private HttpServer server;
    private final AtomicReference<String> reply = new AtomicReference<>();
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<String> lastRequest = new AtomicReference<>();
    /** Anything but 200 answers with {@link #reply} as the error body, as a provider's error would. */
    private final AtomicInteger status = new AtomicInteger(200);
    private LlmFreeTextGrader grader;
    private SemanticFreeTextGrader semantic;
    private SemanticGradingSettings settings;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            lastRequest.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delay.get().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (status.get() != 200) {
                byte[] error = reply.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status.get(), error.length);
                exchange.getResponseBody().write(error);
                exchange.close();
                return;
            }
            byte[] body = JsonMapper.builder().build().writeValueAsBytes(Map.of(
                    "id", "chatcmpl-1", "object", "chat.completion", "created", 1, "model", "stub",
                    "choices", java.util.List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", reply.get()))),
                    "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        RubricMatcher matcher = new RubricMatcher();
        settings = FreeTextEvaluation.applicationSettings();
        semantic = new SemanticFreeTextGrader(new MiniLmSentenceEmbedder(), matcher, settings,
                new LexicalFreeTextGrader(matcher));
        // generous, so that only the timeout test times out, even on a loaded machine
        grader = grader(Duration.ofSeconds(20));
    }

    private LlmFreeTextGrader grader(Duration timeout) {
        OpenAiChatModel chat = OpenAiChatModel.builder().options(OpenAiChatOptions.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                .apiKey(API_KEY).model("stub").temperature(0.0).timeout(timeout).maxRetries(0).build()).build();
        return new LlmFreeTextGrader(chat, semantic, timeout, settings);
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void strictJsonVerdictsWithQuotesBecomeTheGrade() {
        reply.set(USABLE_REPLY);

        FreeTextGrade grade = grader.grade(ANSWER, RUBRIC);

        assertThat(grade.flags()).doesNotContain(GradeFlag.FALLBACK);
        assertThat(grade.keyPoints()).extracting(KeyPointEvidence::verdict)
                .containsExactly(Verdict.MET, Verdict.PARTLY_MET, Verdict.MISSED);
        assertThat(grade.keyPoints().get(0).span()).isEqualTo("Replicas keep a full copy of the primary's data");
        assertThat(grade.misconceptions()).singleElement()
                .satisfies(m -> assertThat(m.misconceptionId()).isEqualTo("sharding-copies-all"));
        assertThat(grade.points()).isEqualByComparingTo("1.00"); // 2 + 1 - 2
        assertThat(lastRequest.get()).contains("copies", "availability", "splits", "Sharding copies all data");
    }

    @Test
    void proseInsteadOfJsonFallsBackWithLowerConfidence() {
        reply.set("The candidate understands replication well but confuses sharding.");

        FreeTextGrade grade = grader.grade(ANSWER, RUBRIC);

        assertThat(grade.flags()).contains(GradeFlag.FALLBACK);
        assertThat(grade.confidence()).isLessThanOrEqualTo(0.5);
        assertThat(grade.misconceptions()).isNotEmpty(); // the embedded grader's own evidence
    }

    @Test
    void aQuoteTheAnswerDoesNotContainFallsBack() {
        reply.set("""
                {"keyPoints":[
                  {"id":"copies","verdict":"MET","quote":"replication copies every row to all replicas"},
                  {"id":"availability","verdict":"MISSED","quote":""},
                  {"id":"splits","verdict":"MISSED","quote":""}],
                 "misconceptions":[]}
                """);

        assertThat(grader.grade(ANSWER, RUBRIC).flags()).contains(GradeFlag.FALLBACK);
    }

    @Test
    void aQuoteTheAnswerDoesNotContainIsNotLogged(CapturedOutput output) {
        // what a model does with a candidate's words: nearly quotes them
        String paraphrase = "Replicas keep full copies of the primary data and take over on a failover";
        reply.set("""
                {"keyPoints":[
                  {"id":"copies","verdict":"MET","quote":"%s"},
                  {"id":"availability","verdict":"MISSED","quote":""},
                  {"id":"splits","verdict":"MISSED","quote":""}],
                 "misconceptions":[]}
                """.formatted(paraphrase));

        assertThat(grader.grade(ANSWER, RUBRIC).flags()).contains(GradeFlag.FALLBACK);

        assertThat(output).contains("LLM grading of " + RUBRIC.questionKey() + " gave an unusable reply")
                .doesNotContain(paraphrase).doesNotContain("full copies");
    }

    @Test
    void aProviderErrorEchoingTheAnswerIsNotLogged(CapturedOutput output) {
        status.set(400);
        reply.set("{\"error\":{\"message\":\"Content flagged in: " + ANSWER + "\",\"type\":\"invalid_request_error\"}}");

        assertThat(grader.grade(ANSWER, RUBRIC).flags()).contains(GradeFlag.FALLBACK);

        assertThat(output).contains("LLM grading of " + RUBRIC.questionKey() + " failed")
                .doesNotContain("Sharding copies all data").doesNotContain("Content flagged");
    }

    /** An operator turns the grader's HTTP client up to TRACE: the request holds the answer and the key. */
    @Test
    void theClientAtTraceLogsNeitherTheAnswerNorTheApiKey(CapturedOutput output) {
        reply.set(USABLE_REPLY);

        try (VerboseLogging verbose = VerboseLogging.at(LogLevel.TRACE, "org.springframework.ai", "com.openai",
                "okhttp3", "org.springframework.web.client", "io.hirepipe")) {
            assertThat(grader.grade(ANSWER, RUBRIC).flags()).doesNotContain(GradeFlag.FALLBACK);
        }

        assertThat(lastRequest.get()).as("the request held the answer").contains("Sharding copies all data");
        assertThat(output).doesNotContain("Sharding copies all data").doesNotContain("full copy")
                .doesNotContain(API_KEY);
    }

    @Test
    void aMissingKeyPointFallsBack() {
        reply.set("""
                {"keyPoints":[{"id":"copies","verdict":"MET","quote":"Replicas keep a full copy"}],"misconceptions":[]}
                """);

        assertThat(grader.grade(ANSWER, RUBRIC).flags()).contains(GradeFlag.FALLBACK);
    }

    @Test
    void noReplyInTimeFallsBack() {
        delay.set(Duration.ofMillis(1500));
        reply.set("{\"keyPoints\":[],\"misconceptions\":[]}");
        // the fallback's first answer loads the model (seconds on a busy machine): not what this test times
        semantic.grade(ANSWER, RUBRIC);

        long started = System.nanoTime();
        FreeTextGrade grade = grader(Duration.ofMillis(300)).grade(ANSWER, RUBRIC);

        assertThat(grade.flags()).contains(GradeFlag.FALLBACK);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }
}
