package io.hirepipe.question.starter;

import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.question.bank.QuestionRequest;
import io.hirepipe.question.template.TestTemplateRequest;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The starter bank shipped in {@value #RESOURCE}: questions keyed by a stable {@code key}, and tests
 * that name their questions by those keys. Read once; installing it maps keys to a tenant's ids.
 */
public record StarterBank(int version, String author, List<BankQuestion> questions, List<BankTest> tests) {

    public static final String RESOURCE = "/starter-bank/starter-bank.json";

    public StarterBank {
        questions = questions == null ? List.of() : List.copyOf(questions);
        tests = tests == null ? List.of() : List.copyOf(tests);
    }

    /** A question as the file states it: the API's request plus its key. */
    public record BankQuestion(String key, QuestionKind kind, String title, String prompt,
                               List<QuestionRequest.Option> options, List<String> correctOptionIds,
                               QuestionRequest.RubricInput rubric, Integer points, List<String> tags,
                               ChoiceScoring choiceScoring, String category, Integer difficulty,
                               Integer suggestedTimeSeconds, String whyWeAsk) {

        public QuestionRequest toRequest() {
            return new QuestionRequest(kind, title, prompt, options, correctOptionIds, rubric, points, tags,
                    choiceScoring, category, difficulty, suggestedTimeSeconds, whyWeAsk);
        }
    }

    /** A test whose sections name questions by key (or carry a pool rule). */
    public record BankTest(String key, String title, String description, String instructions, Integer durationMinutes,
                           Integer passMarkPercent, List<BankSection> sections, Boolean shuffleQuestions,
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

    public record BankSection(String title, List<String> questionKeys, TestTemplateRequest.PoolInput pool) {
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
