package io.hirepipe.localstack;

import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.OpenApiAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregated OpenAPI document against the real services: every routed path is in it, and every
 * documented operation reaches a handler (a 404 only as the service's own "no such record").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedLocalStack.class)
class OpenApiDocsIT {

    /** The gateway's route predicates, read from its configuration so a new route cannot be forgotten. */
    private static final Path GATEWAY_CONFIG = Path.of("../../gateway/src/main/resources/application.yml");
    private static final Pattern PATH_PREDICATE = Pattern.compile("-\\s*Path=(\\S+)");
    /** The gateway's own controllers (see versioning.PublicApi). */
    private static final List<String> GATEWAY_PATHS = List.of("/api/v1/auth/login", "/api/v1/auth/refresh",
            "/api/v1/auth/logout", "/api/v1/auth/candidate", "/api/v1/auth/candidate/renew", "/api/v1/api-keys");
    private static final String DUMMY_ID = "zz-unknown-id";
    /** How a handler that looked the id up says it is unknown (a "no static resource" 404 names the path, unquoted). */
    private static final String NAMED_ID = "'" + DUMMY_ID + "'";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private LocalStack stack;
    private HttpApi anonymous;
    private JsonNode document;

    @BeforeAll
    void useSharedStack(SharedLocalStack.Stack shared) {
        stack = shared.get();
        anonymous = HttpApi.at(stack.gatewayUrl().toString());
        document = PublicApiDocument.complete(anonymous);
        // Kept for reviewing what platform teams get (and for diffing between builds).
        try {
            Files.writeString(Path.of("target/openapi.json"), document.toPrettyString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpApi recruiter() {
        JsonNode login = anonymous.post("/api/v1/auth/login", Map.of(
                "email", stack.demo().recruiterEmail(), "password", stack.demo().recruiterPassword())).expect(200);
        return anonymous.withBearer(login.get("token").asString());
    }

    @Test
    void everyServiceIsDescribedAndTheSchemesAndScopesAreThere() {
        assertThat(document.has("x-unavailable")).as(String.valueOf(document.get("x-unavailable"))).isFalse();
        assertThat(document.at("/components/securitySchemes/bearerAuth/type").asString()).isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
        assertThat(document.at("/paths/~1api~1v1~1questions/post/x-required-scope").asString()).isEqualTo("questions:write");
        assertThat(document.toString()).doesNotContain("/actuator").doesNotContain("/v3/api-docs");
    }

    @Test
    void everyOperationHasASummaryExamplesAndProblemExamples() {
        OpenApiAssertions.assertEveryOperationIsDescribed(document);
        JsonNode forbidden = document.at("/paths/~1api~1v1~1questions/post/responses/403/content/application~1problem+json/example");
        assertThat(forbidden.path("requiredScope").asString()).as(forbidden.toString()).isEqualTo("questions:write");
    }

    @Test
    void everyRoutedPathIsInTheDocument() throws IOException {
        List<String> predicates = new ArrayList<>();
        Matcher matcher = PATH_PREDICATE.matcher(Files.readString(GATEWAY_CONFIG));
        while (matcher.find()) {
            predicates.addAll(Arrays.asList(matcher.group(1).split(",")));
        }
        assertThat(predicates).isNotEmpty();
        List<String> documented = new ArrayList<>(document.get("paths").propertyNames());
        for (String predicate : predicates) {
            // The routes' predicates are all "<prefix>/**", which also matches the bare prefix.
            assertThat(predicate).endsWith("/**");
            String prefix = predicate.substring(0, predicate.length() - "/**".length());
            assertThat(documented).as("a documented path for route predicate " + predicate)
                    .anyMatch(path -> path.equals(prefix) || path.startsWith(prefix + "/"));
        }
        assertThat(documented).containsAll(GATEWAY_PATHS);
    }

    @Test
    void everyDocumentedOperationReachesAHandler() {
        HttpApi recruiter = recruiter();
        // "No route" and "no handler" are 404 problems of the same type as a record's "not found", so the
        // body tells them apart: only a handler that read the id names it in the detail.
        assertThat(recruiter.get("/api/v1/zz-no-such-route").json().path("detail").asString("")).doesNotContain(NAMED_ID);
        assertThat(recruiter.get("/api/v1/questions/" + DUMMY_ID + "/zz/no/handler").json().path("detail").asString(""))
                .doesNotContain(NAMED_ID);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            // Signing out would end the token this test uses; it is the gateway's own, covered by its tests.
            if (path.getKey().equals("/api/v1/auth/logout")) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", DUMMY_ID);
            for (String method : path.getValue().propertyNames()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                Object body = Set.of("post", "put", "patch").contains(method) ? Map.of() : null;
                HttpApi.Response response = recruiter.send(method.toUpperCase(), concrete, body);
                boolean recordNotFound = response.status() == 404 && response.isProblem()
                        && response.json().path("type").asString("").equals(HttpApi.PROBLEM_TYPE_PREFIX + "not-found")
                        && response.json().path("detail").asString("").contains(NAMED_ID);
                if ((response.status() == 404 && !recordNotFound) || response.status() == 405
                        || response.status() >= 500) {
                    failures.add(method.toUpperCase() + " " + concrete + " -> " + response);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
