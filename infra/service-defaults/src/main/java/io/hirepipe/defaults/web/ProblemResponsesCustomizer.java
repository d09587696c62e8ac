package io.hirepipe.defaults.web;

import io.hirepipe.defaults.problem.ProblemException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every operation the problem responses a client must handle, each as {@code application/problem+json}
 * with the {@code ProblemDetail} schema and an example of what the API really sends for that status (the type
 * slugs {@link ProblemException} and the gateway emit). Added here once instead of on every controller method.
 * <p>
 * Which statuses an operation gets: every one can be refused (400, 401, 403), throttled (429) or meet a
 * service that is down (503); 404 only where the path names a record; 413 only where it takes a body; 409, 410,
 * 412 and 422 only where the operation declares the refusals it makes ({@link Refusal}, whose examples are kept). A
 * status a controller declares itself keeps its own description and gets the problem content and example too.
 */
public class ProblemResponsesCustomizer implements OpenApiCustomizer {

    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    public static final String PROBLEM_SCHEMA = "ProblemDetail";

    /** What a client sees per status: the description, and one real problem of that status. */
    record ProblemExample(String description, Map<String, Object> body) {
    }

    private static final Map<Integer, ProblemExample> EXAMPLES = examples();
    private static final ProblemExample READS_LIMITED = rateLimited("reads", 1200, 3);

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new io.swagger.v3.oas.models.Components());
        }
        openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> addProblems(path, method, operation)));
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        for (int status : statusesFor(path, method, operation)) {
            responses.computeIfAbsent(String.valueOf(status), code -> new ApiResponse());
        }
        // In status order, as a reader scans them.
        Map<String, ApiResponse> sorted = new java.util.TreeMap<>(responses);
        responses.clear();
        responses.putAll(sorted);
        responses.forEach((code, response) -> {
            ProblemExample example = code.matches("\\d{3}") ? EXAMPLES.get(Integer.parseInt(code)) : null;
            if (code.equals("429") && method == PathItem.HttpMethod.GET) {
                // Reads have their own, larger budget.
                example = READS_LIMITED;
            }
            if (code.equals("404")) {
                example = notFound(path);
            }
            if (example == null && !(code.startsWith("4") || code.startsWith("5"))) {
                return;
            }
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(example != null ? example.description() : "Problem (RFC 9457)");
            }
            if (hasProblemExamples(response)) {
                return;
            }
            MediaType problem = problemMediaType();
            if (example != null) {
                problem.setExample(example.body());
            }
            // springdoc's guess for an exception handler's response is */*; a problem is always problem+json.
            response.setContent(new Content().addMediaType(PROBLEM_MEDIA_TYPE, problem));
        });
    }

    /** A problem+json body of the shared {@code ProblemDetail} schema, without an example yet. */
    static MediaType problemMediaType() {
        return new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
    }

    /** Already described with examples of its own (an operation's {@link Refusal}s). */
    private static boolean hasProblemExamples(ApiResponse response) {
        MediaType problem = response.getContent() == null ? null : response.getContent().get(PROBLEM_MEDIA_TYPE);
        return problem != null && problem.getExamples() != null && !problem.getExamples().isEmpty();
    }

    static List<Integer> statusesFor(String path, PathItem.HttpMethod method, Operation operation) {
        List<Integer> statuses = new java.util.ArrayList<>(List.of(400, 401, 403));
        if (path.contains("{")) {
            statuses.add(404);
        }
        if (operation.getRequestBody() != null) {
            statuses.add(413);
        }
        statuses.add(429);
        statuses.add(503);
        return statuses;
    }

    /**
     * The 404 an operation really answers names the record of the last path variable, as the services'
     * {@code ProblemException.notFound} does: {@code /api/questions/{id}/publish} → "Question '…' does not exist."
     */
    static ProblemExample notFound(String path) {
        String[] segments = path.split("/");
        String collection = null;
        for (int i = segments.length - 1; i > 0; i--) {
            if (segments[i].startsWith("{") && !segments[i - 1].startsWith("{")) {
                collection = segments[i - 1];
                break;
            }
        }
        String record = collection == null ? "Record" : RECORDS.getOrDefault(collection, singular(collection));
        String id = EXAMPLE_IDS.getOrDefault(record, "6f1c2a9e");
        return new ProblemExample("No such record in your tenant", problem("not-found", record + " not found", 404,
                record + " '" + id + "' does not exist."));
    }

    /** Path segments whose record the services name otherwise than by their singular. */
    private static final Map<String, String> RECORDS = Map.of(
            "webhooks", "Webhook subscription",
            "deliveries", "Webhook delivery",
            "keys", "API key",
            "api-keys", "API key",
            "audit", "Audit entry",
            "versions", "Published question version",
            "answers", "Question",
            "partner-interviews", "Partner interview");

    /** Example ids in the form the services issue them (prefix and random part). */
    private static final Map<String, String> EXAMPLE_IDS = Map.of(
            "Invitation", "inv_Wcj2Ks8Lq4Rt6Yb",
            "Test", "t_8ZpQ3vN6cJw1TfHs",
            "Question", "q_4RtY7uKs2Lm9NbVc",
            "Result", "ses_HJs3Qw8Zp1Xk5Td",
            "Item", "q_4RtY7uKs2Lm9NbVc",
            "User", "usr_7Hn2Vb9Xq4Lk1Mz",
            "Webhook subscription", "whk_3Jd8Ks2Pq6Nc9Wr");

    private static String singular(String collection) {
        String words = collection.replace('-', ' ');
        if (words.endsWith("ies")) {
            words = words.substring(0, words.length() - 3) + "y";
        } else if (words.endsWith("s") && !words.endsWith("ss")) {
            words = words.substring(0, words.length() - 1);
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Schema<?> problemSchema() {
        Schema<?> schema = new ObjectSchema().description("RFC 9457 problem details. Some problems add members: "
                + "errors (400, when fields or parameters are invalid: each one and why), requiredScope (403: the API key's missing "
                + "scope), retryAfterSeconds (429).");
        schema.addProperty("type", new StringSchema().format("uri")
                .description("Identifies the kind of problem; stable, under " + ProblemException.TYPE_BASE));
        schema.addProperty("title", new StringSchema());
        schema.addProperty("status", new IntegerSchema());
        schema.addProperty("detail", new StringSchema().description("What went wrong with this request, in words"));
        schema.addProperty("instance", new StringSchema().format("uri").description("The path that was called"));
        return schema;
    }

    private static Map<String, Object> problem(String type, String title, int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemException.TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    private static ProblemExample rateLimited(String group, int limit, int retryAfterSeconds) {
        Map<String, Object> limited = problem("rate-limited", "Too many requests", 429, "The " + group + " limit of "
                + limit + " requests per 60 s is used up. Retry after " + retryAfterSeconds + " s.");
        limited.put("rateLimitGroup", group);
        limited.put("retryAfterSeconds", retryAfterSeconds);
        return new ProblemExample("A rate limit is used up: wait retryAfterSeconds (also the Retry-After header)",
                limited);
    }

    private static Map<Integer, ProblemExample> examples() {
        Map<Integer, ProblemExample> examples = new LinkedHashMap<>();
        Map<String, Object> invalid = problem("invalid-request", "Invalid request", 400,
                "candidate.email: must be a well-formed email address");
        Map<String, Object> fieldError = new LinkedHashMap<>();
        fieldError.put("field", "candidate.email");
        fieldError.put("message", "must be a well-formed email address");
        invalid.put("errors", List.of(fieldError));
        // Not every 400 has errors[]: a body that cannot be read (malformed-request, bad-request) is told in detail.
        examples.put(400, new ProblemExample("The request is invalid; errors[] (where present) names each invalid field "
                + "or parameter and why, or detail says what could not be read", invalid));
        examples.put(401, new ProblemExample("No credentials, or they are invalid, expired or revoked",
                problem("unauthenticated", "Unauthenticated", 401, "The credentials are invalid, expired or revoked.")));
        Map<String, Object> scope = problem("insufficient-scope", "Forbidden", 403,
                "This API key lacks the scope 'invitations:write'.");
        scope.put("requiredScope", "invitations:write");
        examples.put(403, new ProblemExample("The credentials do not allow this (an API key without the scope named in "
                + "requiredScope, or a role that may not do it)", scope));
        examples.put(413, new ProblemExample("The request body is too large",
                problem("payload-too-large", "Payload too large", 413, "The request body exceeds the limit of 262144 bytes.")));
        examples.put(429, rateLimited("writes", 300, 12));
        examples.put(503, new ProblemExample("A service this needs cannot be reached right now; try again shortly",
                problem("downstream-unavailable", "Service unavailable", 503,
                        "The assessment service cannot be reached right now. Try again shortly.")));
        return Map.copyOf(examples);
    }
}
