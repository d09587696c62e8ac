package io.hirepipe.question.bank;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.KeyPoint;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.defaults.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionRulesTest {

    private static final List<QuestionRequest.Option> ABC = List.of(
            new QuestionRequest.Option("a", "Horizontal scaling"),
            new QuestionRequest.Option("b", "Vertical scaling"),
            new QuestionRequest.Option("c", "Neither"));

    static QuestionRequest single(List<QuestionRequest.Option> options, List<String> correct, Integer points) {
        return new QuestionRequest(QuestionKind.SINGLE_CHOICE, "Sharding", "What does sharding give you?",
                options, correct, null, points, List.of("databases"), null);
    }

    static QuestionRequest multi(List<String> correct) {
        return new QuestionRequest(QuestionKind.MULTI_CHOICE, "REST security", "Which protect a REST API?",
                ABC, correct, null, null, null, null);
    }

    static QuestionRequest freeText(List<QuestionRequest.KeyPointInput> keyPoints, Integer points) {
        return new QuestionRequest(QuestionKind.FREE_TEXT, "SQL or NoSQL",
                "How do you decide between a SQL and a NoSQL database for a new project?",
                null, null, new QuestionRequest.RubricInput(keyPoints), points, List.of("databases"), null);
    }

    static QuestionRequest.KeyPointInput keyPoint(String id, int points, String... phrases) {
        return new QuestionRequest.KeyPointInput(id, "mentions " + id, List.of(phrases), points);
    }

    private static List<String> fieldsOf(QuestionRequest request) {
        return QuestionRules.violations(request).stream().map(QuestionRules.Violation::field).toList();
    }

    @Nested
    class ChoiceQuestions {

        @Test
        void aValidSingleChoiceQuestionIsWorthOnePointUnlessSaidOtherwise() {
            QuestionContent content = QuestionRules.toContent(single(ABC, List.of("a"), null), "author@example.com");

            assertThat(content.points()).isEqualTo(1);
            assertThat(content.options()).containsExactly(new ChoiceOption("a", "Horizontal scaling"),
                    new ChoiceOption("b", "Vertical scaling"), new ChoiceOption("c", "Neither"));
            assertThat(content.correctOptionIds()).containsExactly("a");
            assertThat(content.rubric()).isNull();
            assertThat(QuestionRules.toContent(single(ABC, List.of("a"), 7), "author@example.com").points()).isEqualTo(7);
        }

        @Test
        void needsTwoToTenOptions() {
            assertThat(fieldsOf(single(ABC.subList(0, 1), List.of("a"), null))).containsExactly("options");
            assertThat(fieldsOf(single(null, List.of("a"), null))).contains("options");
            List<QuestionRequest.Option> eleven = IntStream.rangeClosed(1, 11)
                    .mapToObj(i -> new QuestionRequest.Option("o" + i, "option " + i)).toList();
            assertThat(fieldsOf(single(eleven, List.of("o1"), null))).containsExactly("options");
            assertThat(fieldsOf(single(ABC.subList(0, 2), List.of("a"), null))).isEmpty();
        }

        @Test
        void optionIdsMustBeUnique() {
            List<QuestionRequest.Option> twice = List.of(new QuestionRequest.Option("a", "one"),
                    new QuestionRequest.Option("a", "two"));

            assertThat(QuestionRules.violations(single(twice, List.of("a"), null)))
                    .extracting(QuestionRules.Violation::field, QuestionRules.Violation::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("options",
                            "option ids must be unique; repeated: [a]"));
        }

        @Test
        void singleChoiceNeedsExactlyOneCorrectOption() {
            assertThat(fieldsOf(single(ABC, List.of("a", "b"), null))).containsExactly("correctOptionIds");
            assertThat(fieldsOf(single(ABC, List.of(), null))).containsExactly("correctOptionIds");
            assertThat(fieldsOf(single(ABC, null, null))).containsExactly("correctOptionIds");
        }

        @Test
        void multipleChoiceNeedsAtLeastOneCorrectOption() {
            assertThat(fieldsOf(multi(List.of()))).containsExactly("correctOptionIds");
            assertThat(fieldsOf(multi(List.of("a", "c")))).isEmpty();
            assertThat(QuestionRules.toContent(multi(List.of("a", "c")), "author@example.com").correctOptionIds()).containsExactly("a", "c");
        }

        @Test
        void correctIdsMustBeOptionIdsAndNotRepeat() {
            assertThat(QuestionRules.violations(single(ABC, List.of("z"), null)))
                    .extracting(QuestionRules.Violation::message)
                    .containsExactly("not ids of this question's options: [z]");
            assertThat(fieldsOf(multi(List.of("a", "a")))).containsExactly("correctOptionIds");
        }

        @Test
        void pointsAreBetweenOneAndAHundred() {
            assertThat(fieldsOf(single(ABC, List.of("a"), 0))).containsExactly("points");
            assertThat(fieldsOf(single(ABC, List.of("a"), 101))).containsExactly("points");
            assertThat(fieldsOf(single(ABC, List.of("a"), 100))).isEmpty();
        }

        @Test
        void haveNoRubric() {
            QuestionRequest withRubric = new QuestionRequest(QuestionKind.SINGLE_CHOICE, "t", "p", ABC, List.of("a"),
                    new QuestionRequest.RubricInput(List.of(keyPoint("k", 1, "x"))), null, null, null);

            assertThat(fieldsOf(withRubric)).containsExactly("rubric");
        }
    }

    @Nested
    class FreeTextQuestions {

        @Test
        void isWorthTheSumOfItsKeyPoints() {
            QuestionContent content = QuestionRules.toContent(freeText(List.of(
                    keyPoint("acid", 3, "ACID", "transactions"),
                    keyPoint("scaling", 2, "horizontal scaling", "sharding")), null), "author@example.com");

            assertThat(content.points()).isEqualTo(5);
            assertThat(content.rubric().keyPoints()).containsExactly(
                    new KeyPoint("acid", "mentions acid", List.of("ACID", "transactions"), 3),
                    new KeyPoint("scaling", "mentions scaling", List.of("horizontal scaling", "sharding"), 2));
            assertThat(content.options()).isEmpty();
            assertThat(content.correctOptionIds()).isEmpty();
        }

        @Test
        void givenPointsMustMatchTheRubric() {
            List<QuestionRequest.KeyPointInput> rubric = List.of(keyPoint("acid", 3, "ACID"));

            assertThat(fieldsOf(freeText(rubric, 3))).isEmpty();
            assertThat(QuestionRules.violations(freeText(rubric, 4)))
                    .extracting(QuestionRules.Violation::field, QuestionRules.Violation::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("points",
                            "a free-text question is worth the sum of its key points (3); leave points out or set it to 3"));
        }

        @Test
        void needsARubricWithKeyPoints() {
            QuestionRequest noRubric = new QuestionRequest(QuestionKind.FREE_TEXT, "t", "p", null, null, null, null,
                    null, null);

            assertThat(fieldsOf(noRubric)).containsExactly("rubric");
            assertThat(fieldsOf(freeText(List.of(), null))).containsExactly("rubric");
        }

        @Test
        void keyPointIdsMustBeUnique() {
            assertThat(fieldsOf(freeText(List.of(keyPoint("k", 1, "x"), keyPoint("k", 2, "y")), null)))
                    .containsExactly("rubric.keyPoints");
        }

        @Test
        void hasNoOptionsAndNoAnswerKey() {
            QuestionRequest withOptions = new QuestionRequest(QuestionKind.FREE_TEXT, "t", "p", ABC, List.of("a"),
                    new QuestionRequest.RubricInput(List.of(keyPoint("k", 1, "x"))), null, null, null);

            assertThat(fieldsOf(withOptions)).containsExactly("options", "correctOptionIds");
        }
    }

    @Test
    void aRejectedRequestIsOneBadRequestProblemListingEveryBrokenRule() {
        QuestionRequest twoFaults = single(ABC.subList(0, 1), List.of("z"), 500);

        assertThatThrownBy(() -> QuestionRules.toContent(twoFaults, "author@example.com"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(400);
                    assertThat(problem.getBody().getType().toString()).endsWith("/invalid-request");
                    assertThat(problem.getBody().getDetail()).contains("options:", "correctOptionIds:", "points:");
                    @SuppressWarnings("unchecked")
                    List<Map<String, String>> errors = (List<Map<String, String>>) problem.getBody()
                            .getProperties().get("errors");
                    assertThat(errors).extracting(e -> e.get("field"))
                            .containsExactly("options", "correctOptionIds", "points");
                });
    }

    @Test
    void repeatedTagsAreKeptOnce() {
        QuestionRequest request = new QuestionRequest(QuestionKind.SINGLE_CHOICE, "t", "p", ABC, List.of("a"), null,
                null, List.of("sql", "nosql", "sql"), null);

        assertThat(QuestionRules.toContent(request, "author@example.com").tags()).containsExactly("sql", "nosql");
    }

    /** The size limits are bean-validation annotations; this pins them so a refactoring cannot drop one. */
    @Nested
    class SizeLimits {

        private static ValidatorFactory factory;
        private static Validator validator;

        @BeforeAll
        static void startValidator() {
            factory = Validation.buildDefaultValidatorFactory();
            validator = factory.getValidator();
        }

        @AfterAll
        static void closeValidator() {
            factory.close();
        }

        private List<String> violatedPaths(QuestionRequest request) {
            return validator.validate(request).stream().map(ConstraintViolation::getPropertyPath)
                    .map(Object::toString).sorted().toList();
        }

        @Test
        void aValidRequestHasNoViolations() {
            assertThat(violatedPaths(single(ABC, List.of("a"), null))).isEmpty();
            assertThat(violatedPaths(freeText(List.of(keyPoint("k", 1, "x")), null))).isEmpty();
        }

        @Test
        void textFieldsHaveMaximumLengths() {
            QuestionRequest tooLong = new QuestionRequest(QuestionKind.SINGLE_CHOICE, "t".repeat(201),
                    "p".repeat(5001), List.of(new QuestionRequest.Option("a", "o".repeat(1001)),
                    new QuestionRequest.Option("b".repeat(51), "b")), List.of("a"), null, null,
                    List.of("x".repeat(51)), null);

            assertThat(violatedPaths(tooLong)).containsExactly("options[0].text", "options[1].id", "prompt",
                    "tags[0].<list element>", "title");
        }

        @Test
        void listsHaveMaximumSizes() {
            QuestionRequest tooMany = new QuestionRequest(QuestionKind.SINGLE_CHOICE, "t", "p", ABC, List.of("a"),
                    null, null, Collections.nCopies(21, "tag"), null);

            assertThat(violatedPaths(tooMany)).containsExactly("tags");
        }

        @Test
        void keyPointsHavePhrasesAndPointsWithinBounds() {
            QuestionRequest request = freeText(List.of(
                    new QuestionRequest.KeyPointInput("k1", null, List.of(), 1),
                    new QuestionRequest.KeyPointInput("k2", null, List.of("p".repeat(201)), 101),
                    new QuestionRequest.KeyPointInput("k3", null, List.of("ok"), 0)), null);

            assertThat(violatedPaths(request)).containsExactly("rubric.keyPoints[0].phrases",
                    "rubric.keyPoints[1].phrases[0].<list element>", "rubric.keyPoints[1].points",
                    "rubric.keyPoints[2].points");
        }

        @Test
        void requiredFieldsAreRequired() {
            QuestionRequest empty = new QuestionRequest(null, " ", null, null, null, null, null, null, null);

            assertThat(violatedPaths(empty)).containsExactly("kind", "prompt", "title");
        }
    }
}
