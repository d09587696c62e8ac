package io.hirepipe.defaults.web;

import io.hirepipe.defaults.problem.ProblemException;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.core.annotation.AnnotatedElementUtils.findMergedRepeatableAnnotations;

/**
 * Turns an operation's {@link Refusal}s into its 409, 410, 412 and 422 responses: one response per status, one named
 * example per problem type (Swagger UI offers them in a list).
 */
public class RefusalResponses implements OperationCustomizer {

    static final Map<Integer, String> DESCRIPTIONS = Map.of(
            409, "The record's state does not allow this now: the problem's type says which state",
            410, "What the request names is gone for good (a withdrawn or expired invitation): asking again will not help",
            412, "If-Match names a state the record has left: read it again (new ETag) and retry",
            422, "The request is well-formed but cannot be carried out: the problem's type says why");
    private static final Map<Integer, String> TITLES = Map.of(409, "Conflict", 410, "Gone", 412, "Precondition failed",
            422, "Request cannot be processed");

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        List<Refusal> refusals = new ArrayList<>(findMergedRepeatableAnnotations(handlerMethod.getBeanType(), Refusal.class));
        refusals.addAll(findMergedRepeatableAnnotations(handlerMethod.getMethod(), Refusal.class));
        for (Refusal refusal : refusals) {
            if (!TITLES.containsKey(refusal.status())) {
                throw new IllegalStateException("@Refusal on " + handlerMethod.getShortLogMessage()
                        + " has status " + refusal.status() + "; only 409, 410, 412 and 422 are declared this way");
            }
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            ApiResponse response = operation.getResponses().computeIfAbsent(String.valueOf(refusal.status()),
                    status -> new ApiResponse().description(DESCRIPTIONS.get(refusal.status())));
            if (response.getContent() == null || response.getContent().get(ProblemResponsesCustomizer.PROBLEM_MEDIA_TYPE) == null) {
                response.setContent(new Content().addMediaType(ProblemResponsesCustomizer.PROBLEM_MEDIA_TYPE,
                        ProblemResponsesCustomizer.problemMediaType()));
            }
            response.getContent().get(ProblemResponsesCustomizer.PROBLEM_MEDIA_TYPE)
                    .addExamples(refusal.type(), new Example().summary(refusal.type()).value(body(refusal)));
        }
        return operation;
    }

    static Map<String, Object> body(Refusal refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemException.TYPE_BASE + refusal.type());
        body.put("title", refusal.title().isEmpty() ? TITLES.get(refusal.status()) : refusal.title());
        body.put("status", refusal.status());
        body.put("detail", refusal.detail());
        return body;
    }
}
