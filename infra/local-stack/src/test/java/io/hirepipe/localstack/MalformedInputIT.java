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
    /** For a request to a path with no operation of its own: a candidate's path is called as a candidate. */
    private static final JsonNode NO_OPERATION = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
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
            for (Map.Entry<String, JsonNode> operation : operationsOf(path.getValue()).entrySet()) {
                String method = operation.getKey();
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

    /**
     * The request around the body and the query, on every operation: a body that is not declared JSON or is empty, a
     * key given twice, a time sent as epoch milliseconds, a method the path does not have, a path with a segment too many, a page size or cursor no list
     * takes, and times without a zone or in the wrong order. Each gets a 4xx problem naming what is wrong, and none of
     * them leaves anything behind in the lists a recruiter reads.
     */
    @Test
    void everyOperationAnswersABadRequestEnvelopeWithAProblemNamingIt() {
        Map<String, List<String>> listsBefore = recruiterLists();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int times = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            if (SKIPPED.contains(path.getKey())) {
                continue;
            }
            String concrete = withIds(path.getKey(), UNKNOWN_ID);
            HttpApi pathCaller = callerOf(path.getKey(), NO_OPERATION);
            String undeclared = METHODS.stream().sorted().filter(m -> !path.getValue().has(m)).findFirst().orElseThrow();
            sent += 2;
            HttpApi.Response wrongMethod = send(pathCaller, undeclared, concrete, null);
            expectProblem(failures, "method " + undeclared, undeclared, concrete, wrongMethod, 405, null);
            if (wrongMethod.status() == 405 && wrongMethod.header("Allow").isEmpty()) {
                failures.add("405 without Allow: " + undeclared.toUpperCase() + " " + concrete);
            }
            // two segments, so that the typo never lands on a path variable of a longer path
            String typo = concrete + "/no-such/operation";
            HttpApi.Response unknown = send(pathCaller, "get", typo, null);
            expectProblem(failures, "unknown path", "get", typo, unknown, 404, null);
            if (unknown.body().contains("static resource")) {
                failures.add("Spring's wording for an unknown path: " + unknown);
            }
            for (Map.Entry<String, JsonNode> operation : operationsOf(path.getValue()).entrySet()) {
                String method = operation.getKey();
                JsonNode op = operation.getValue();
                HttpApi caller = callerOf(path.getKey(), op);
                if (op.path("requestBody").path("content").has("application/json")) {
                    sent += 3;
                    expectProblem(failures, "text/plain body", method, concrete,
                            raw(caller, method, concrete, "text/plain", "{}"), 415, null);
                    expectProblem(failures, "body without Content-Type", method, concrete,
                            raw(caller, method, concrete, null, "{}"), 415, null);
                    if (op.path("requestBody").path("required").asBoolean(false)) {
                        sent++;
                        expectProblem(failures, "empty body", method, concrete,
                                raw(caller, method, concrete, "application/json", ""), 400, null);
                    }
                    JsonNode schema = resolve(op.at("/requestBody/content/application~1json/schema"));
                    String key = schema.path("properties").propertyNames().stream().findFirst().orElse("name");
                    expectProblem(failures, "key given twice", method, concrete, raw(caller, method, concrete,
                            "application/json", "{\"" + key + "\":null,\"" + key + "\":null}"), 400, key);
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        if (resolve(property.getValue()).path("format").asString("").equals("date-time")) {
                            // JavaScript's Date.now(): epoch milliseconds where an ISO-8601 time belongs
                            sent++;
                            times++;
                            expectProblem(failures, "epoch millis for a time", method, concrete, raw(caller, method,
                                    concrete, "application/json", "{\"" + property.getKey() + "\":1733443200000}"), 400,
                                    property.getKey());
                        }
                    }
                }
                Set<String> query = new java.util.HashSet<>();
                op.path("parameters").forEach(p -> {
                    if (p.path("in").asString().equals("query")) {
                        query.add(p.path("name").asString());
                    }
                });
                List<String[]> badQueries = new ArrayList<>();
                if (query.contains("limit")) {
                    List.of("-1", "0", "100000").forEach(v -> badQueries.add(new String[] {"limit=" + v, "limit"}));
                }
                if (query.contains("cursor")) {
                    for (String cursor : List.of("not-a-cursor!", base64("x|y"), base64("2026-12-01T00:00:00Z|"),
                            base64("2026-12-01T00:00:00|x"), base64("+999999999-01-01T00:00:00Z|x"))) {
                        badQueries.add(new String[] {"cursor=" + cursor, "cursor"});
                    }
                }
                for (String[] range : List.of(new String[] {"from", "to"}, new String[] {"createdFrom", "createdTo"},
                        new String[] {"submittedFrom", "submittedTo"})) {
                    for (String bound : range) {
                        if (query.contains(bound)) {
                            badQueries.add(new String[] {bound + "=2026-12-01T00:00:00", bound});
                            badQueries.add(new String[] {bound + "=2026-12-01", bound});
                        }
                    }
                    if (query.contains(range[0]) && query.contains(range[1])) {
                        badQueries.add(new String[] {range[0] + "=2026-12-02T00:00:00Z&" + range[1]
                                + "=2026-12-01T00:00:00Z", range[0]});
                    }
                }
                for (String[] bad : badQueries) {
                    sent++;
                    String target = concrete + "?" + bad[0];
                    expectProblem(failures, "query " + bad[0], method, target, send(caller, method, target,
                            WITH_BODY.contains(method) ? Map.of() : null), 400, bad[1]);
                }
            }
        }
        System.out.printf("bad-request-envelope sweep: %d requests, %d times as epoch milliseconds%n", sent, times);
        assertThat(sent).as("requests sent").isGreaterThan(300);
        assertThat(times).as("bodies with a time (webhook redelivery, integrity signals)").isGreaterThanOrEqualTo(2);
        assertThat(failures).isEmpty();
        assertThat(recruiterLists()).as("what a recruiter lists, after only refused requests").isEqualTo(listsBefore);
    }

    /** A path item's operations by method, leaving out what is not one (its shared parameters, a summary). */
    private static Map<String, JsonNode> operationsOf(JsonNode pathItem) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        pathItem.properties().forEach(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.put(entry.getKey(), entry.getValue());
            }
        });
        return operations;
    }

    /** The newest ids of each list a refused create could have added to. */
    private Map<String, List<String>> recruiterLists() {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String list : List.of("/api/v1/questions", "/api/v1/tests", "/api/v1/invitations",
                "/api/v1/notifications/webhooks", "/api/v1/api-keys", "/api/v1/users", "/api/v1/privacy/erasures")) {
            lists.put(list, recruiter.get(list).expect(200).get("items").valueStream()
                    .map(item -> item.path("id").asString(item.path("erasureId").asString())).toList());
        }
        return lists;
    }

    private static HttpApi.Response raw(HttpApi caller, String method, String path, String contentType, String body) {
        HttpApi.Response response = caller.sendRaw(method.toUpperCase(), path, contentType, body);
        for (int retry = 0; retry < RETRIES_AFTER_429 && response.status() == 429; retry++) {
            sleepSeconds(Math.min(65, Long.parseLong(response.header("Retry-After").orElse("1"))));
            response = caller.sendRaw(method.toUpperCase(), path, contentType, body);
        }
        return response;
    }

    private static void sleepSeconds(long seconds) {
        try {
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A problem of this status whose detail or errors name {@code named} (when given). */
    private static void expectProblem(List<String> failures, String what, String method, String path,
                                      HttpApi.Response response, int status, String named) {
        String request = method.toUpperCase() + " " + abbreviated(path) + " (" + what + ") -> " + response.status() + " "
                + response.contentType() + " " + abbreviated(response.body());
        if (response.status() != status || !response.isProblem()) {
            failures.add("expected a " + status + " problem: " + request);
        } else if (named != null && !response.body().contains(named)) {
            failures.add("does not name " + named + ": " + request);
        }
    }

    private static String base64(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
