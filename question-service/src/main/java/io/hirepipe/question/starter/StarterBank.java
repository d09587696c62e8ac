package io.hirepipe.question.starter;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.question.bank.QuestionRequest;
import io.hirepipe.question.template.TestTemplateRequest;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The starter bank shipped in {@value #RESOURCE}: questions keyed by a stable {@code key}, and tests
 * that name their questions by those keys. Read once; installing it maps keys to a tenant's ids.
 */
public record StarterBank(@Schema(example = "1") int version,
                          @Schema(example = "rita@acme.example") String author,
                          List<BankQuestion> questions,
                          List<BankTest> tests) {

    /** Spring MVC logs bodies by toString at DEBUG; a record's would print the author's email and every question. */
    @Override
    public String toString() {
        return "StarterBank[version=" + version + ", questions=" + questions.size() + ", tests=" + tests.size()
                + ", author hidden]";
    }

    public static final String RESOURCE = "/starter-bank/starter-bank.json";

    /** A null entry is kept (List.copyOf would refuse it with a bare NPE) so that an import can name it. */
    public StarterBank {
        questions = questions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(questions));
        tests = tests == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tests));
    }

    /** A question as the file states it: the API's request plus its key. */
    public record BankQuestion(@Schema(example = "rate-limiter") String key,
                               QuestionKind kind,
                               @Schema(example = "Design a rate limiter") String title,
                               @Schema(example = "How would you limit each API client to 100 requests per minute across several instances?") String prompt,
                               List<QuestionRequest.Option> options,
                               @ArraySchema(schema = @Schema(example = "b")) List<String> correctOptionIds,
                               QuestionRequest.RubricInput rubric,
                               @Schema(example = "4") Integer points,
                               @ArraySchema(schema = @Schema(example = "databases")) List<String> tags,
                               ChoiceScoring choiceScoring,
                               @Schema(example = "system-design") String category,
                               @Schema(example = "3") Integer difficulty,
                               @Schema(example = "300") Integer suggestedTimeSeconds,
                               @Schema(example = "Shows whether the candidate weighs accuracy against shared state.") String whyWeAsk) {

        public QuestionRequest toRequest() {
            return new QuestionRequest(kind, title, prompt, options, correctOptionIds, rubric, points, tags,
                    choiceScoring, category, difficulty, suggestedTimeSeconds, whyWeAsk);
        }
    }

    /** A test whose sections name questions by key (or carry a pool rule). */
    public record BankTest(@Schema(example = "backend-basics") String key,
                           @Schema(example = "Backend basics") String title,
                           @Schema(example = "Screening test for backend engineers") String description,
                           @Schema(example = "Answer every question; you can go back until you submit.") String instructions,
                           @Schema(example = "45") Integer durationMinutes,
                           @Schema(example = "60") Integer passMarkPercent,
                           List<BankSection> sections,
                           Boolean shuffleQuestions,
                           Boolean shuffleOptions) {

        public TestTemplateRequest toRequest(Map<String, String> idsByKey) {
            return toRequest(idsByKey, false);
        }

        /** @param draft whether the test is created as a draft (imports) or published at once (the starter bank) */
        public TestTemplateRequest toRequest(Map<String, String> idsByKey, boolean draft) {
            return new TestTemplateRequest(title, description, instructions, durationMinutes, passMarkPercent,
                    sections == null ? null : sections.stream().map(s -> s == null ? null
                            : new TestTemplateRequest.SectionInput(s.title(), s.questionKeys() == null ? null
                            : s.questionKeys().stream().map(k -> idsByKey.getOrDefault(k, k)).toList(),
                            s.pool())).toList(),
                    shuffleQuestions, shuffleOptions, draft);
        }
    }

    public record BankSection(@Schema(example = "System design") String title,
                              @ArraySchema(schema = @Schema(example = "rate-limiter")) List<String> questionKeys,
                              TestTemplateRequest.PoolInput pool) {
    }

    public static StarterBank load() {
        try (InputStream in = StarterBank.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from question-service");
            }
            return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, StarterBank.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
