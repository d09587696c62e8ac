package io.hirepipe.assessment.invitation;

import io.hirepipe.assessment.questions.QuestionService;
import io.hirepipe.assessment.questions.TestSummary;
import io.hirepipe.defaults.problem.JsonProblemDescriber;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates many invitations, each row on its own: a row that cannot be read, is invalid, names an
 * unknown test or a candidate already invited gets its own outcome and never stops the others. Each
 * created row is a full {@link InvitationService#create}, with its own event.
 */
@Service
class BulkInvitations {

    private final InvitationService invitations;
    private final QuestionService questions;
    private final JsonMapper json;
    private final Validator validator;

    BulkInvitations(InvitationService invitations, QuestionService questions,
                    JsonMapper json, Validator validator) {
        this.invitations = invitations;
        this.questions = questions;
        this.json = json;
        this.validator = validator;
    }

    BulkInvitationResult create(Caller caller, BulkInvitationRequest request) {
        // each test is looked up once for the whole request, failures included
        Map<String, Object> tests = new HashMap<>();
        List<BulkInvitationResult.Row> rows = new ArrayList<>(request.invitations().size());
        for (int index = 0; index < request.invitations().size(); index++) {
            rows.add(row(caller, index, request.invitations().get(index), tests));
        }
        return new BulkInvitationResult(rows);
    }

    private BulkInvitationResult.Row row(Caller caller, int index, JsonNode node, Map<String, Object> tests) {
        CreateInvitationRequest row;
        try {
            if (node == null || !node.isObject()) {
                return refused(index, problem(400, "malformed-request", "Malformed request",
                        "Row " + index + " is not a JSON object.", null));
            }
            row = json.treeToValue(node, CreateInvitationRequest.class);
        } catch (JacksonException unreadable) {
            String field = JsonProblemDescriber.pathOf(unreadable);
            return refused(index, problem(400, "malformed-request", "Malformed request",
                    JsonProblemDescriber.describe(unreadable), field.isEmpty() ? null : field));
        }
        Set<ConstraintViolation<CreateInvitationRequest>> violations = validator.validate(row);
        if (!violations.isEmpty()) {
            return refused(index, invalid(violations));
        }
        try {
            InvitationView created = invitations.create(caller, row, testId -> lookUp(caller, testId, tests));
            return new BulkInvitationResult.Row(index, BulkInvitationResult.Outcome.INVITED, created.id(),
                    created.accessUrl(), null);
        } catch (ProblemException refused) {
            Map<String, Object> problem = problemOf(refused.getBody());
            if (InvitationService.ALREADY_INVITED_TYPE.equals(refused.getBody().getType())) {
                return new BulkInvitationResult.Row(index, BulkInvitationResult.Outcome.ALREADY_INVITED,
                        (String) problem.get("invitationId"), null, problem);
            }
            return refused(index, problem);
        }
    }

    private TestSummary lookUp(Caller caller, String testId, Map<String, Object> tests) {
        Object known = tests.computeIfAbsent(testId, id -> {
            try {
                return questions.test(caller.tenantId(), id);
            } catch (ProblemException unknown) {
                return unknown;
            }
        });
        if (known instanceof ProblemException unknown) {
            throw unknown;
        }
        return (TestSummary) known;
    }

    private static Map<String, Object> invalid(Set<ConstraintViolation<CreateInvitationRequest>> violations) {
        List<Map<String, String>> errors = violations.stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .sorted(Comparator.comparing(e -> e.get("field")))
                .toList();
        Map<String, Object> problem = problem(400, "invalid-request", "Invalid request",
                String.join("; ", errors.stream().map(e -> e.get("field") + ": " + e.get("message")).toList()),
                errors.get(0).get("field"));
        problem.put("errors", errors);
        return problem;
    }

    private static Map<String, Object> problem(int status, String type, String title, String detail, String field) {
        return problemTyped(status, ProblemException.TYPE_BASE + type, title, detail, field);
    }

    private static Map<String, Object> problemTyped(int status, String typeUri, String title, String detail,
                                                    String field) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", typeUri);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (field != null) {
            problem.put("field", field);
        }
        return problem;
    }

    private static Map<String, Object> problemOf(ProblemDetail detail) {
        Map<String, Object> problem = problemTyped(detail.getStatus(), String.valueOf(detail.getType()),
                detail.getTitle(), detail.getDetail(), null);
        if (detail.getProperties() != null) {
            problem.putAll(detail.getProperties());
        }
        return problem;
    }

    private static BulkInvitationResult.Row refused(int index, Map<String, Object> problem) {
        return new BulkInvitationResult.Row(index, BulkInvitationResult.Outcome.REFUSED, null, null, problem);
    }
}
