package io.hirepipe.question.bank;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.KeyPoint;
import io.hirepipe.contracts.events.Misconception;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.Rubric;
import io.hirepipe.defaults.problem.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules that depend on a question's kind, which bean validation cannot express: how many
 * options and correct answers a choice item has, that a free-text item has a rubric and nothing
 * else, and what the item is worth. Sizes and lengths are already checked by bean validation.
 */
public final class QuestionRules {

    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 10;
    static final int MIN_CHOICE_POINTS = 1;
    static final int MAX_CHOICE_POINTS = 100;
    static final int DEFAULT_CHOICE_POINTS = 1;

    /** One broken rule, named by the JSON field a client must fix. */
    public record Violation(String field, String message) {
    }

    private QuestionRules() {
    }

    /**
     * @return the stored form of a valid request
     * @throws ProblemException 400 listing every broken rule, in the shape bean validation uses
     */
    public static QuestionContent toContent(QuestionRequest request, String author) {
        return toContent(request, author, RubricPolicy.REQUIRED);
    }

    /**
     * Whether a free-text question may lack its rubric: only an imported draft may (QTI items rarely carry
     * one), and such a draft cannot be published until a rubric is written ({@link #requirePublishable}).
     */
    public enum RubricPolicy {
        REQUIRED,
        MAY_BE_MISSING
    }

    /** @see #toContent(QuestionRequest, String) */
    public static QuestionContent toContent(QuestionRequest request, String author, RubricPolicy policy) {
        List<Violation> violations = violations(request, policy);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        boolean freeText = request.kind() == QuestionKind.FREE_TEXT;
        List<ChoiceOption> options = freeText ? List.of() : request.options().stream()
                .map(o -> new ChoiceOption(o.id(), o.text()))
                .toList();
        Rubric rubric = freeText && request.rubric() != null ? rubricOf(request.rubric()) : null;
        int points = freeText ? (rubric == null ? 0 : rubric.maxPoints())
                : Objects.requireNonNullElse(request.points(), DEFAULT_CHOICE_POINTS);
        List<String> tags = request.tags() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.tags()));
        return new QuestionContent(request.kind(), request.title(), request.prompt(), options,
                freeText ? List.of() : List.copyOf(new LinkedHashSet<>(request.correctOptionIds())),
                rubric, points, tags, freeText ? null : request.choiceScoring(),
                PromptRenderer.toSafeHtml(request.prompt()),
                request.category() == null || request.category().isBlank() ? null
                        : request.category().trim().toLowerCase(Locale.ROOT),
                request.difficulty(), request.suggestedTimeSeconds(),
                request.whyWeAsk() == null || request.whyWeAsk().isBlank() ? null : request.whyWeAsk().trim(),
                author);
    }

    /**
     * A question that can be published: a free-text one needs its rubric (an imported draft may lack it).
     *
     * @throws ProblemException 422 naming the field {@code rubric}
     */
    public static void requirePublishable(String id, QuestionContent content) {
        if (needsRubric(content)) {
            String message = "a free-text question needs a rubric with 1 to 20 key points before it is published";
            throw ProblemException.unprocessable("rubric-required", "Question '" + id + "': " + message + ".")
                    .with("field", "rubric")
                    .with("errors", List.of(Map.of("field", "rubric", "message", message)));
        }
    }

    /** A free-text question imported without a rubric: a draft until someone writes one. */
    public static boolean needsRubric(QuestionContent content) {
        return content.kind() == QuestionKind.FREE_TEXT && content.rubric() == null;
    }

    public static List<Violation> violations(QuestionRequest request) {
        return violations(request, RubricPolicy.REQUIRED);
    }

    public static List<Violation> violations(QuestionRequest request, RubricPolicy policy) {
        List<Violation> violations = new ArrayList<>();
        if (request.kind() == null) {
            return violations; // bean validation already reports it; nothing else can be judged
        }
        if (request.difficulty() != null && (request.difficulty() < 1 || request.difficulty() > 5)) {
            violations.add(new Violation("difficulty", "must be between 1 and 5"));
        }
        switch (request.kind()) {
            case SINGLE_CHOICE, MULTI_CHOICE -> checkChoice(request, violations);
            case FREE_TEXT -> checkFreeText(request, policy, violations);
        }
        return violations;
    }

    private static void checkChoice(QuestionRequest request, List<Violation> violations) {
        List<QuestionRequest.Option> options = nonNull(request.options());
        if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            violations.add(new Violation("options", "a choice question needs " + MIN_OPTIONS + " to "
                    + MAX_OPTIONS + " options, got " + options.size()));
        }
        List<String> optionIds = options.stream().filter(Objects::nonNull).map(QuestionRequest.Option::id)
                .filter(Objects::nonNull).toList();
        Set<String> duplicateOptionIds = duplicates(optionIds);
        if (!duplicateOptionIds.isEmpty()) {
            violations.add(new Violation("options", "option ids must be unique; repeated: " + duplicateOptionIds));
        }

        List<String> correct = nonNull(request.correctOptionIds());
        Set<String> distinctCorrect = new LinkedHashSet<>(correct);
        if (distinctCorrect.size() != correct.size()) {
            violations.add(new Violation("correctOptionIds", "correct option ids must not repeat"));
        }
        if (request.kind() == QuestionKind.SINGLE_CHOICE && distinctCorrect.size() != 1) {
            violations.add(new Violation("correctOptionIds",
                    "a single-choice question needs exactly one correct option, got " + distinctCorrect.size()));
        }
        if (request.kind() == QuestionKind.MULTI_CHOICE && distinctCorrect.isEmpty()) {
            violations.add(new Violation("correctOptionIds",
                    "a multiple-choice question needs at least one correct option"));
        }
        Set<String> known = new HashSet<>(optionIds);
        List<String> unknown = distinctCorrect.stream().filter(id -> id != null && !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            violations.add(new Violation("correctOptionIds", "not ids of this question's options: " + unknown));
        }

        if (request.rubric() != null) {
            violations.add(new Violation("rubric", "only free-text questions have a rubric"));
        }
        if (request.kind() == QuestionKind.SINGLE_CHOICE && request.choiceScoring() == ChoiceScoring.PARTIAL) {
            violations.add(new Violation("choiceScoring",
                    "partial credit applies to multiple-choice questions; a single-choice answer is right or wrong"));
        }
        Integer points = request.points();
        if (points != null && (points < MIN_CHOICE_POINTS || points > MAX_CHOICE_POINTS)) {
            violations.add(new Violation("points", "must be between " + MIN_CHOICE_POINTS + " and "
                    + MAX_CHOICE_POINTS));
        }
    }

    private static void checkFreeText(QuestionRequest request, RubricPolicy policy, List<Violation> violations) {
        if (!nonNull(request.options()).isEmpty()) {
            violations.add(new Violation("options", "a free-text question has no options"));
        }
        if (!nonNull(request.correctOptionIds()).isEmpty()) {
            violations.add(new Violation("correctOptionIds", "a free-text question has no correct options"));
        }
        if (request.choiceScoring() != null) {
            violations.add(new Violation("choiceScoring", "a free-text question has no choice scoring"));
        }
        if (request.rubric() == null && policy == RubricPolicy.MAY_BE_MISSING) {
            if (request.points() != null) {
                violations.add(new Violation("points", "a free-text question is worth the sum of its rubric's key "
                        + "points; leave points out until it has a rubric"));
            }
            return;
        }
        if (request.rubric() == null || nonNull(request.rubric().keyPoints()).isEmpty()) {
            violations.add(new Violation("rubric", "a free-text question needs a rubric with 1 to 20 key points"));
            return;
        }
        List<QuestionRequest.KeyPointInput> keyPoints = request.rubric().keyPoints().stream()
                .filter(Objects::nonNull).toList();
        Set<String> duplicateIds = duplicates(keyPoints.stream().map(QuestionRequest.KeyPointInput::id)
                .filter(Objects::nonNull).toList());
        if (!duplicateIds.isEmpty()) {
            violations.add(new Violation("rubric.keyPoints", "key point ids must be unique; repeated: "
                    + duplicateIds));
        }
        List<QuestionRequest.KeyPointInput> asGiven = request.rubric().keyPoints();
        for (int i = 0; i < asGiven.size(); i++) {
            if (asGiven.get(i) != null) {
                checkPhrases("rubric.keyPoints[" + i + "]", asGiven.get(i).phrases(), violations);
            }
        }
        int sum = keyPoints.stream().map(QuestionRequest.KeyPointInput::points).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).sum();
        checkMisconceptions(nonNull(request.rubric().misconceptions()), keyPoints, sum, violations);
        if (request.points() != null && request.points() != sum) {
            violations.add(new Violation("points", "a free-text question is worth the sum of its key points ("
                    + sum + "); leave points out or set it to " + sum));
        }
    }

    private static void checkMisconceptions(List<QuestionRequest.MisconceptionInput> misconceptions,
                                            List<QuestionRequest.KeyPointInput> keyPoints, int worth,
                                            List<Violation> violations) {
        List<QuestionRequest.MisconceptionInput> given = misconceptions.stream().filter(Objects::nonNull).toList();
        Set<String> duplicateIds = duplicates(given.stream().map(QuestionRequest.MisconceptionInput::id)
                .filter(Objects::nonNull).toList());
        if (!duplicateIds.isEmpty()) {
            violations.add(new Violation("rubric.misconceptions", "misconception ids must be unique; repeated: "
                    + duplicateIds));
        }
        Set<String> keyPointIds = keyPoints.stream().map(QuestionRequest.KeyPointInput::id).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<String> clashing = given.stream().map(QuestionRequest.MisconceptionInput::id)
                .filter(keyPointIds::contains).distinct().toList();
        if (!clashing.isEmpty()) {
            violations.add(new Violation("rubric.misconceptions", "misconception ids must differ from key point ids; "
                    + "shared: " + clashing));
        }
        for (int i = 0; i < given.size(); i++) {
            checkPhrases("rubric.misconceptions[" + i + "]", given.get(i).phrases(), violations);
            Integer points = given.get(i).points();
            if (points != null && points > worth) {
                violations.add(new Violation("rubric.misconceptions[" + i + "].points",
                        "a misconception cannot cost more than the question is worth (" + worth + ")"));
            }
        }
    }

    /** A phrase of common words only ("the", "is not"), or of no words at all, could never match an answer. */
    private static void checkPhrases(String owner, List<String> phrases, List<Violation> violations) {
        List<String> given = nonNull(phrases);
        for (int j = 0; j < given.size(); j++) {
            String phrase = given.get(j);
            if (phrase != null && !phrase.isBlank() && SearchTerms.onlyStopWords(phrase)) {
                violations.add(new Violation(owner + ".phrases[" + j + "]", "'" + phrase.strip() + "' has no word that "
                        + "grading keeps (it leaves out common words such as 'the', 'is', 'not'), so it can never match; "
                        + "use a word that signals it"));
            }
        }
    }

    private static Rubric rubricOf(QuestionRequest.RubricInput rubric) {
        return new Rubric(rubric.keyPoints().stream()
                .map(k -> new KeyPoint(k.id(), k.description(), List.copyOf(new LinkedHashSet<>(k.phrases())),
                        k.points(), k.examples() == null ? List.of() : List.copyOf(new LinkedHashSet<>(k.examples()))))
                .toList(),
                nonNull(rubric.misconceptions()).stream()
                        .map(m -> new Misconception(m.id(), m.description(),
                                m.phrases() == null ? List.of() : List.copyOf(new LinkedHashSet<>(m.phrases())),
                                m.points()))
                        .toList());
    }

    /** The 400 listing every violation, in the shape bean-validation failures use. */
    public static ProblemException invalid(List<Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
        List<Map<String, String>> errors = violations.stream()
                .map(v -> Map.of("field", v.field(), "message", v.message()))
                .toList();
        // The same type, title and "errors" member as bean-validation failures: one shape for clients.
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail)
                .with("errors", errors);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Set<String> duplicates(List<String> values) {
        Set<String> seen = new HashSet<>();
        return values.stream().filter(v -> !seen.add(v)).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
