package io.hirepipe.localstack;

import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input never yields a 500, on any operation of the public API: every operation in the aggregated OpenAPI document
 * is sent malformed and extreme request bodies, ids and query values, as its caller (a candidate's operations with a
 * candidate's token, a platform key's with an API key, the rest with the recruiter's token), and must answer
 * with a 4xx {@code application/problem+json} (a 2xx only where a well-formed but odd value is allowed); a body that
 * is not JSON at all is never accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedLocalStack.class)
class MalformedInputIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Set<String> WITH_BODY = Set.of("post", "put", "patch");
    /** Signing out would end the recruiter's token, which the sweep goes on using. */
    private static final Set<String> SKIPPED = Set.of("/api/v1/auth/logout", "/api/v1/auth/session");
    private static final String UNKNOWN_ID = "zz-unknown-id";
    /** Each of these stands for an id in a path; the sweep sends every one where the document has a path parameter. */
    private static final List<String> ODD_IDS = List.of("x".repeat(3000), "%00", "..%2f..%2fetc");
    private static final List<String> ODD_QUERY_VALUES = List.of("abc", "99999999999999999999", "x".repeat(3000));
    /** A sweep sends more writes than a minute's budget (300): it waits for the next window, as a client would. */
    private static final int RETRIES_AFTER_429 = 3;

    private LocalStack stack;
    private JsonNode document;
    private HttpApi recruiter;
    private HttpApi platformKey;
    private HttpApi candidate;
    private String candidatesQuestionId;
    /** Odd but well-formed input some operations take (a long search term, a long answer): listed in the output. */
    private final List<String> accepted = new ArrayList<>();

    @BeforeAll
    void useSharedStack(SharedLocalStack.Stack shared) {
        stack = shared.get();
        HttpApi anonymous = HttpApi.at(stack.gatewayUrl().toString());
        document = PublicApiDocument.complete(anonymous);
        recruiter = anonymous.withBearer(anonymous.post("/api/v1/auth/login", Map.of("email", stack.demo().recruiterEmail(),
                "password", stack.demo().recruiterPassword())).expect(200).get("token").asString());
        // a key of its own, so the sweep spends its own rate budget and not the demo key's other tests use
        platformKey = anonymous.withHeader("X-Api-Key", recruiter.post("/api/v1/api-keys", Map.of("name", "malformed-input",
                "scopes", List.of("questions:read", "questions:write", "invitations:read", "invitations:write",
                        "results:read", "results:write", "notifications:read", "webhooks:manage",
                        "integrations:greenhouse", "operations:manage"))).expect(201).get("key").asString());
        JsonNode invited = recruiter.post("/api/v1/invitations", Map.of("testId", stack.demo().demoTestId(),
                "candidate", Map.of("name", "Malformed Input", "email", "malformed." + UUID.randomUUID() + "@example.com")))
                .expect(201);
        String accessUrl = invited.get("accessUrl").asString();
        candidate = anonymous.withBearer(anonymous.post("/api/v1/auth/candidate",
                Map.of("invitationToken", accessUrl.substring(accessUrl.indexOf("#token=") + "#token=".length())))
                .expect(200).get("token").asString());
        candidatesQuestionId = candidate.post("/api/v1/candidate/assessment/start", Map.of()).expect(200)
                .get("questions").get(0).get("questionId").asString();
    }

    @Test
    void everyOperationAnswersMalformedInputWithAProblemNeverA500() {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (SKIPPED.contains(path.getKey())) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey();
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonNode op = operation.getValue();
                HttpApi caller = callerOf(path.getKey(), op);
                String concrete = withIds(path.getKey(), UNKNOWN_ID);
                Object wellFormed = WITH_BODY.contains(method) ? Map.of() : null;
                if (path.getKey().contains("{")) {
                    for (String id : ODD_IDS) {
                        sent++;
                        check(failures, "id " + abbreviated(id), method, withIds(path.getKey(), id),
                                send(caller, method, withIds(path.getKey(), id), wellFormed), false);
                    }
                }
                for (JsonNode parameter : op.path("parameters")) {
                    if (!parameter.path("in").asString().equals("query")) {
                        continue;
                    }
                    for (String value : ODD_QUERY_VALUES) {
                        String target = concrete + "?" + parameter.get("name").asString() + "=" + value;
                        sent++;
                        check(failures, "query " + parameter.get("name").asString() + "=" + abbreviated(value), method,
                                concrete, send(caller, method, target, wellFormed), false);
                    }
                }
                if (op.has("requestBody") && op.path("requestBody").path("content").has("application/json")) {
                    JsonNode schema = resolve(op.at("/requestBody/content/application~1json/schema"));
                    for (Map.Entry<String, String> body : malformedBodies(schema).entrySet()) {
                        sent++;
                        check(failures, "body " + body.getKey(), method, concrete,
                                send(caller, method, concrete, body.getValue()), body.getKey().equals("not JSON"));
                    }
                }
            }
        }
        System.out.printf("malformed-input sweep: %d requests, %d accepted:%n  %s%n", sent, accepted.size(),
                String.join("\n  ", accepted));
        assertThat(sent).as("requests sent").isGreaterThan(300);
        assertThat(failures).isEmpty();
    }

    private HttpApi callerOf(String path, JsonNode operation) {
        if (path.startsWith("/api/v1/candidate/") || path.equals("/api/v1/auth/candidate/renew")) {
            return candidate;
        }
        boolean keyAllowed = false;
        for (JsonNode requirement : operation.path("security")) {
            keyAllowed |= requirement.has("apiKey");
        }
        return keyAllowed ? platformKey : recruiter;
    }

    /** The path with each parameter replaced; a candidate's answer goes to a question of their own test. */
    private String withIds(String path, String id) {
        String concrete = path.startsWith("/api/v1/candidate/") && id.equals(UNKNOWN_ID)
                ? path.replace("{questionId}", candidatesQuestionId) : path;
        return concrete.replaceAll("\\{[^}]+}", id);
    }

    /** Bodies by what is wrong with them: not JSON, the wrong shape, nested too deep, wrong types, extreme values. */
    private Map<String, String> malformedBodies(JsonNode schema) {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("not JSON", "{\"unterminated\": ");
        bodies.put("an array", "[]");
        bodies.put("null", "null");
        bodies.put("nested 5,000 deep", "[".repeat(5000) + "]".repeat(5000));
        Map<String, Object> wrongTypes = new LinkedHashMap<>();
        Map<String, Object> extremes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode type = resolve(property.getValue());
            String kind = type.path("type").asString("object");
            wrongTypes.put(property.getKey(), kind.equals("array") ? Map.of("not", "an array") : List.of(List.of()));
            extremes.put(property.getKey(), switch (kind) {
                case "string" -> "x".repeat(20_000);
                case "integer", "number" -> new java.math.BigDecimal("1e400");
                case "array" -> java.util.Collections.nCopies(10_000, "x");
                case "boolean" -> "yes";
                default -> Map.of("$where", "1");
            });
        }
        if (!wrongTypes.isEmpty()) {
            bodies.put("every field of the wrong type", HttpApi.json(wrongTypes));
            bodies.put("every field extreme", HttpApi.json(extremes));
        }
        return bodies;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : document.at(ref.substring(1));
    }

    /** Sends the request, waiting out a rate limit (Retry-After) a few times: a 429 says nothing about the input. */
    private static HttpApi.Response send(HttpApi caller, String method, String path, Object body) {
        HttpApi.Response response = caller.send(method.toUpperCase(), path, body);
        for (int retry = 0; retry < RETRIES_AFTER_429 && response.status() == 429; retry++) {
            long seconds = Math.min(65, Long.parseLong(response.header("Retry-After").orElse("1")));
            try {
                Thread.sleep(Duration.ofSeconds(seconds).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            response = caller.send(method.toUpperCase(), path, body);
        }
        return response;
    }

    private void check(List<String> failures, String what, String method, String path, HttpApi.Response response,
                       boolean mustBeRefused) {
        String request = method.toUpperCase() + " " + abbreviated(path) + " (" + what + ") -> " + response.status() + " "
                + response.contentType() + " " + abbreviated(response.body());
        if (response.status() < 400) {
            accepted.add(request);
        }
        if (response.status() >= 500 || response.status() == 429) {
            failures.add(request);
        } else if (response.status() >= 400 && !response.isProblem()) {
            failures.add("not a problem: " + request);
        } else if (mustBeRefused && response.status() < 400) {
            failures.add("accepted: " + request);
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 40) + "…(" + text.length() + " chars)";
    }
}
