package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.FreeTextGrade.GradeFlag;
import io.hirepipe.scoring.grading.FreeTextGrade.KeyPointEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.MisconceptionEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Optional grader that asks a chat model (any OpenAI-compatible API, through Spring AI) for a verdict per
 * key point as strict JSON, each with a verbatim quote from the answer. Its output is checked, not
 * trusted: every key point must have exactly one verdict, every MET or PARTLY_MET verdict and every
 * misconception must quote the answer word for word. On a timeout, an error or output that fails those
 * checks, the embedded grader answers instead, flagged FALLBACK with its confidence halved.
 *
 * <p>Points follow the same rules as the embedded grader: MET 1, PARTLY_MET 0.5 of a key point's points,
 * misconceptions cost theirs, floored at 0. The {@code similarity} of its evidence is 0: the model gives
 * no such figure. Its confidence is a flat 0.8 (not measured against the dev set); a score near a band
 * boundary still goes to review. Thread-safe if the chat model is (Spring AI's are).
 */
public class LlmFreeTextGrader implements FreeTextGrader {

    private static final Logger log = LoggerFactory.getLogger(LlmFreeTextGrader.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ChatModel chat;
    private final SemanticFreeTextGrader fallback;
    private final Duration timeout;
    private final double lowConfidenceBelow;

    public LlmFreeTextGrader(ChatModel chat, SemanticFreeTextGrader fallback, Duration timeout,
                             SemanticGradingSettings settings) {
        this.chat = chat;
        this.fallback = fallback;
        this.timeout = timeout;
        this.lowConfidenceBelow = settings.lowConfidenceBelow();
    }

    @Override
    public FreeTextGrade grade(String answer, FreeTextRubric rubric) {
        if (SemanticFreeTextGrader.isBlank(answer)) {
            return fallback.grade(answer, rubric);
        }
        try {
            String reply = CompletableFuture.supplyAsync(() -> chat.call(prompt(answer, rubric)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return fromVerdicts(JSON.readTree(stripFence(reply)), answer, rubric);
        } catch (TimeoutException e) {
            log.warn("LLM grading of {} timed out after {}; the embedded grader answers", rubric.questionKey(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnusableReply e) {
            log.warn("LLM grading of {} gave an unusable reply ({}); the embedded grader answers", rubric.questionKey(),
                    e.getMessage());
        } catch (ExecutionException | RuntimeException e) {
            // Only the failure's kind: the client's and the parser's messages quote the reply or the provider's
            // error body, and either can echo the candidate's answer, which the logs must not keep.
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            log.warn("LLM grading of {} failed ({}); the embedded grader answers", rubric.questionKey(),
                    cause.getClass().getName());
        }
        return fellBack(fallback.grade(answer, rubric));
    }

    static String prompt(String answer, FreeTextRubric rubric) {
        StringBuilder p = new StringBuilder("""
                You grade one candidate's answer to a technical interview question against a rubric.
                For each key point decide MET, PARTLY_MET or MISSED. A point stated wrongly or denied is MISSED.
                For MET and PARTLY_MET give "quote": the shortest exact, verbatim substring of the answer that shows it.
                List the misconceptions the answer states, each with a verbatim quote.
                Reply with JSON only, no prose, exactly in this shape:
                {"keyPoints":[{"id":"...","verdict":"MET|PARTLY_MET|MISSED","quote":"..."}],"misconceptions":[{"id":"...","quote":"..."}]}

                """);
        p.append("Question: ").append(rubric.prompt() == null ? "" : rubric.prompt()).append("\nKey points:\n");
        rubric.keyPoints().forEach(k -> p.append("- id ").append(k.id()).append(": ").append(k.description()).append('\n'));
        p.append("Misconceptions:\n");
        rubric.misconceptions().forEach(m -> p.append("- id ").append(m.id()).append(": ").append(m.description()).append('\n'));
        return p.append("Answer:\n<<<\n").append(answer).append("\n>>>").toString();
    }

    private static String stripFence(String reply) {
        String r = reply == null ? "" : reply.strip();
        if (r.startsWith("```")) {
            r = r.replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
        }
        return r;
    }

    private FreeTextGrade fromVerdicts(JsonNode reply, String answer, FreeTextRubric rubric) {
        Map<String, JsonNode> verdicts = new HashMap<>();
        for (JsonNode v : reply.path("keyPoints")) {
            if (verdicts.put(v.path("id").asString(""), v) != null) {
                throw new UnusableReply("two verdicts for key point " + printable(v.path("id").asString("")));
            }
        }
        if (!verdicts.keySet().equals(rubric.keyPoints().stream().map(FreeTextRubric.Point::id)
                .collect(java.util.stream.Collectors.toSet()))) {
            throw new UnusableReply(verdicts.size() + " verdicts do not match the rubric's " + rubric.keyPoints().size()
                    + " key points");
        }
        List<KeyPointEvidence> keyPoints = new ArrayList<>();
        double earned = 0;
        for (FreeTextRubric.Point point : rubric.keyPoints()) {
            JsonNode v = verdicts.get(point.id());
            Verdict verdict = verdict(v.path("verdict").asString(""), point.id());
            String quote = verdict == Verdict.MISSED ? null : verbatim(v.path("quote").asString(""), answer);
            double credit = verdict == Verdict.MET ? 1 : verdict == Verdict.PARTLY_MET ? 0.5 : 0;
            earned += credit * point.points();
            keyPoints.add(new KeyPointEvidence(point.id(), verdict, credit, Points.of(credit * point.points()), quote, 0));
        }
        List<MisconceptionEvidence> misconceptions = new ArrayList<>();
        double penalties = 0;
        for (JsonNode m : reply.path("misconceptions")) {
            String id = m.path("id").asString("");
            FreeTextRubric.Misconception known = rubric.misconceptions().stream().filter(x -> x.id().equals(id))
                    .findFirst().orElseThrow(() -> new UnusableReply("unknown misconception " + printable(id)));
            penalties += known.penaltyPoints();
            misconceptions.add(new MisconceptionEvidence(id, known.description(), Points.of(known.penaltyPoints()),
                    verbatim(m.path("quote").asString(""), answer), 0));
        }
        double points = Math.max(0, earned - penalties);
        double percent = rubric.maxPoints() == 0 ? 0 : 100 * points / rubric.maxPoints();
        Set<GradeFlag> flags = EnumSet.noneOf(GradeFlag.class);
        if (SemanticGradingPolicy.isNearBandBoundary(percent, 3)) {
            flags.add(GradeFlag.NEAR_THRESHOLD);
        }
        return new FreeTextGrade(Points.of(points), rubric.maxPoints(), 0.8, !flags.isEmpty(), keyPoints, misconceptions,
                flags);
    }

    /** The quote as it stands in the answer; a quote the answer does not contain is invented, and fails the reply. */
    private static String verbatim(String quote, String answer) {
        String q = quote.strip();
        int at = q.isEmpty() ? -1 : answer.toLowerCase(Locale.ROOT).indexOf(q.toLowerCase(Locale.ROOT));
        if (at < 0) {
            // the quote itself stays out of the message: it is (nearly) the candidate's own words
            throw new UnusableReply("a quote of " + q.length() + " characters is not in the answer");
        }
        return answer.substring(at, at + q.length());
    }

    private static Verdict verdict(String text, String keyPointId) {
        try {
            return Verdict.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new UnusableReply("an unknown verdict for key point " + keyPointId);
        }
    }

    /** An id the model wrote, bounded and single-line before it is logged: the reply is not ours. */
    private static String printable(String id) {
        String single = id.replaceAll("\\p{Cntrl}", " ");
        return single.length() > 40 ? single.substring(0, 40) + "…" : single;
    }

    /**
     * A reply that fails the checks. Its message is logged, so it names ids and counts, never the reply's
     * text: a quote is the candidate's answer, and logs outlive the retention and erasure the answer has.
     */
    static final class UnusableReply extends RuntimeException {
        UnusableReply(String message) {
            super(message);
        }
    }

    private FreeTextGrade fellBack(FreeTextGrade grade) {
        Set<GradeFlag> flags = EnumSet.of(GradeFlag.FALLBACK);
        flags.addAll(grade.flags());
        double confidence = grade.confidence() / 2;
        if (confidence < lowConfidenceBelow) {
            flags.add(GradeFlag.LOW_CONFIDENCE);
        }
        return new FreeTextGrade(grade.points(), grade.maxPoints(), confidence,
                grade.needsReview() || flags.contains(GradeFlag.LOW_CONFIDENCE), grade.keyPoints(),
                grade.misconceptions(), flags);
    }
}
