package io.hirepipe.question.bank;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Requests that do not come through a controller's {@code @Valid} (imports): checked by the same bean
 * validation and rules, with every problem named by its place in the file ("questions[3].difficulty").
 */
@Component
public class QuestionRequests {

    private final Validator validator;

    QuestionRequests(Validator validator) {
        this.validator = validator;
    }

    /** Every broken rule of {@code request}, its fields prefixed with {@code path}. */
    public List<QuestionRules.Violation> violations(String path, QuestionRequest request) {
        return violations(path, request, QuestionRules.RubricPolicy.REQUIRED);
    }

    /** Every broken rule of {@code request} under {@code policy}, its fields prefixed with {@code path}. */
    public List<QuestionRules.Violation> violations(String path, QuestionRequest request,
                                                    QuestionRules.RubricPolicy policy) {
        List<QuestionRules.Violation> found = new ArrayList<>();
        validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<QuestionRequest> v) -> v.getPropertyPath().toString()))
                .forEach(v -> found.add(new QuestionRules.Violation(path + "." + v.getPropertyPath(), v.getMessage())));
        if (found.isEmpty()) {
            QuestionRules.violations(request, policy)
                    .forEach(v -> found.add(new QuestionRules.Violation(path + "." + v.field(), v.message())));
        }
        return found;
    }

    /** The request that would create {@code content} again: what an export writes. */
    public static QuestionRequest of(QuestionContent content) {
        QuestionRequest.RubricInput rubric = content.rubric() == null ? null : new QuestionRequest.RubricInput(
                content.rubric().keyPoints().stream().map(k -> new QuestionRequest.KeyPointInput(k.id(), k.description(),
                        k.phrases(), k.points(), k.examples().isEmpty() ? null : k.examples())).toList(),
                content.rubric().misconceptions().stream().map(m -> new QuestionRequest.MisconceptionInput(m.id(),
                        m.description(), m.phrases(), m.points())).toList());
        return new QuestionRequest(content.kind(), content.title(), content.prompt(),
                content.options().stream().map(o -> new QuestionRequest.Option(o.id(), o.text())).toList(),
                content.correctOptionIds(), rubric, content.points(), content.tags(), content.choiceScoring(),
                content.category(), content.difficulty(), content.suggestedTimeSeconds(), content.whyWeAsk());
    }
}
