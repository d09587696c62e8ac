package io.hirepipe.question.starter;

import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.question.bank.QuestionRequest;
import io.hirepipe.question.bank.QuestionRules;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped starter bank file: big enough, every item complete, every key and rubric sound, tests resolvable. */
class StarterBankFileTest {

    private final StarterBank bank = StarterBank.load();
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void hasAtLeastSixtyItemsAndTwentyFiveFreeTextOnes() {
        assertThat(bank.questions()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(bank.questions().stream().filter(q -> q.kind() == QuestionKind.FREE_TEXT))
                .hasSizeGreaterThanOrEqualTo(25);
        assertThat(bank.questions().stream().map(StarterBank.BankQuestion::key).collect(Collectors.toSet()))
                .as("keys are unique").hasSize(bank.questions().size());
    }

    @Test
    void everyItemIsCompleteAndAcceptedByTheApiRules() {
        for (StarterBank.BankQuestion question : bank.questions()) {
            QuestionRequest request = question.toRequest();
            assertThat(validator.validate(request)).as(question.key()).isEmpty();
            assertThat(QuestionRules.violations(request)).as(question.key()).isEmpty();
            assertThat(question.category()).as(question.key()).isNotBlank();
            assertThat(question.difficulty()).as(question.key()).isBetween(1, 5);
            assertThat(question.suggestedTimeSeconds()).as(question.key()).isBetween(30, 600);
            assertThat(question.whyWeAsk()).as(question.key()).isNotBlank();
        }
    }

    @Test
    void everyChoiceKeyNamesExistingOptionsAndSingleChoiceHasExactlyOne() {
        for (StarterBank.BankQuestion question : bank.questions()) {
            if (question.kind() == QuestionKind.FREE_TEXT) {
                continue;
            }
            Set<String> optionIds = question.options().stream().map(QuestionRequest.Option::id).collect(Collectors.toSet());
            assertThat(optionIds).as(question.key()).containsAll(question.correctOptionIds());
            assertThat(question.options().size()).as(question.key()).isGreaterThan(question.correctOptionIds().size());
            if (question.kind() == QuestionKind.SINGLE_CHOICE) {
                assertThat(question.correctOptionIds()).as(question.key()).hasSize(1);
            }
        }
    }

    @Test
    void everyRubricHasDescribedKeyPointsWithPhrasesAndPointsAndWellFormedMisconceptions() {
        for (StarterBank.BankQuestion question : bank.questions()) {
            if (question.kind() != QuestionKind.FREE_TEXT) {
                assertThat(question.rubric()).as(question.key()).isNull();
                continue;
            }
            QuestionRequest.RubricInput rubric = question.rubric();
            assertThat(rubric.keyPoints()).as(question.key()).hasSizeBetween(3, 6);
            for (QuestionRequest.KeyPointInput keyPoint : rubric.keyPoints()) {
                assertThat(keyPoint.description()).as(question.key() + "/" + keyPoint.id()).isNotBlank();
                assertThat(keyPoint.phrases()).as(question.key() + "/" + keyPoint.id()).isNotEmpty();
                assertThat(keyPoint.points()).as(question.key() + "/" + keyPoint.id()).isBetween(1, 5);
            }
            assertThat(rubric.misconceptions()).as(question.key() + " has misconceptions").isNotEmpty();
            int worth = rubric.keyPoints().stream().mapToInt(QuestionRequest.KeyPointInput::points).sum();
            for (QuestionRequest.MisconceptionInput misconception : rubric.misconceptions()) {
                assertThat(misconception.description()).as(question.key() + "/" + misconception.id()).isNotBlank();
                assertThat(misconception.points()).as(question.key() + "/" + misconception.id()).isBetween(1, worth);
            }
        }
    }

    @Test
    void coversTheSeedTopicsAndTheirNeighbours() {
        Set<String> tags = bank.questions().stream().flatMap(q -> q.tags().stream()).collect(Collectors.toSet());
        assertThat(tags).contains("sql-nosql", "replication", "sharding", "indexes", "rest", "graphql", "grpc", "async",
                "traffic-spike", "security", "caching", "rate-limiting", "queues", "back-pressure", "cap", "consistency",
                "idempotency", "transactions", "isolation", "observability", "versioning");
    }

    @Test
    void theThreeReadyTestsResolveEveryQuestionKeyOnce() {
        assertThat(bank.tests()).extracting(StarterBank.BankTest::title).containsExactly(
                "Backend fundamentals, 30 min", "System design and reliability, 45 min", "API design and security, 30 min");
        assertThat(bank.tests()).extracting(StarterBank.BankTest::durationMinutes).containsExactly(30, 45, 30);
        Map<String, StarterBank.BankQuestion> byKey = bank.questions().stream()
                .collect(Collectors.toMap(StarterBank.BankQuestion::key, Function.identity()));
        for (StarterBank.BankTest test : bank.tests()) {
            List<String> keys = test.sections().stream().flatMap(s -> s.questionKeys().stream()).toList();
            assertThat(byKey.keySet()).as(test.title()).containsAll(keys);
            assertThat(new HashSet<>(keys)).as(test.title() + " repeats no question").hasSize(keys.size());
            int suggestedSeconds = keys.stream().mapToInt(k -> byKey.get(k).suggestedTimeSeconds()).sum();
            assertThat(suggestedSeconds).as(test.title() + " fits its duration")
                    .isLessThanOrEqualTo(test.durationMinutes() * 60);
        }
    }
}
