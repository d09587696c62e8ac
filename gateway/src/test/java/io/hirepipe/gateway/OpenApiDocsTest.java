package io.hirepipe.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.hirepipe.testkit.OpenApiAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregated API description, against the stub services (notification-service is down here). */
class OpenApiDocsTest extends GatewayTestSupport {

    @Test
    void theDocumentIsPublicMergesTheServicesAndNotesTheOneThatIsDown() {
        HttpResponse<String> response = get("/api/docs/openapi.json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode doc = json(response);
        assertThat(doc.get("paths").has("/api/v1/questions/{id}")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/secret-internal")).isFalse();
        assertThat(doc.get("paths").has("/api/v1/auth/login")).isTrue();
        assertThat(doc.get("paths").has("/api/v1/api-keys")).isTrue();
        assertThat(doc.toString()).doesNotContain("/actuator").doesNotContain("internal-jwks");
        assertThat(doc.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
        assertThat(doc.get("x-unavailable").toString()).contains("notification-service");
        assertThat(QUESTIONS.lastRequestTo("/v3/api-docs").header("Authorization")).isNull();
    }

    /** Swagger UI shows tags in the document's order and operations in path order within a tag. */
    @Test
    void tagsComeInReadingOrderAndPathsSortedSoACollectionPrecedesItsItems() {

        JsonNode doc = json(get("/api/docs/openapi.json"));

        List<String> paths = new ArrayList<>(doc.get("paths").propertyNames());
        assertThat(paths).as(doc.toString()).isSortedAccordingTo(Comparator.naturalOrder()).contains("/api/v1/questions", "/api/v1/tests");
        assertThat(paths.indexOf("/api/v1/questions")).isLessThan(paths.indexOf("/api/v1/questions/{id}"));
        List<String> tags = doc.get("tags").values().stream().map(tag -> tag.get("name").asString()).toList();
        assertThat(tags).startsWith("Sign-in", "API keys").doesNotHaveDuplicates();
        assertThat(tags.indexOf("Questions")).isLessThan(tags.indexOf("Tests"));
        Set<String> used = new HashSet<>();
        doc.get("paths").values().forEach(item -> item.values().forEach(op -> op.path("tags").values()
                .forEach(tag -> used.add(tag.asString()))));
        assertThat(tags).containsExactlyInAnyOrderElementsOf(used);
    }

    /** The stub services describe little; the gateway's own operations must be described in full. */
    @Test
    void theGatewaysOwnOperationsHaveSummariesExamplesAndProblemExamples() {
        stubTheQuestionServicesDocument();
        JsonNode doc = json(get("/api/docs/openapi.json"));
        ObjectNode own = (ObjectNode) doc.deepCopy();
        ObjectNode paths = own.putObject("paths");
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getValue().path("x-service").asString("").equals("gateway")) {
                    (paths.has(path.getKey()) ? (ObjectNode) paths.get(path.getKey()) : paths.putObject(path.getKey()))
                            .set(operation.getKey(), operation.getValue());
                }
            }
        }

        assertThat(paths.has("/api/v1/auth/login")).as(paths.propertyNames().toString()).isTrue();
        OpenApiAssertions.assertEveryOperationIsDescribed(own);
        assertThat(paths.at("/~1api~1v1~1audit~1export.csv/get/responses/200/content").has("text/csv")).isTrue();
        assertThat(paths.at("/~1api~1v1~1auth~1login/post/security")).as("signing in needs no credentials").isEmpty();
        JsonNode keys = paths.at("/~1api~1v1~1api-keys/get");
        assertThat(keys.path("x-roles").toString()).as("its @PreAuthorize").isEqualTo("[\"ADMIN\"]");
        assertThat(keys.has("x-required-scope")).isFalse();
        assertThat(keys.path("security").toString()).isEqualTo("[{\"bearerAuth\":[]}]");
        assertThat(keys.at("/responses/403/description").asString()).startsWith("Needs a signed-in user with the ADMIN role");
    }

    /** The merged document is cached, so every test that reads it sees the same stubbed description. */
    /** Every test of this class sees this description (the gateway caches the merged document for a while). */
    @BeforeEach
    void stubTheQuestionServicesDocument() {
        QUESTIONS.reply("/v3/api-docs", request -> StubService.Reply.json(200, """
                {"openapi":"3.1.0","paths":{
                 "/api/questions/{id}":{"get":{"operationId":"one","tags":["Questions"],"responses":{"200":{"description":"OK"}}}},
                 "/api/tests":{"get":{"operationId":"tests","tags":["Tests"],"responses":{"200":{"description":"OK"}}}},
                 "/api/questions":{"get":{"operationId":"list","tags":["Questions"],"responses":{"200":{"description":"OK"}}}},
                 "/api/secret-internal":{"get":{"operationId":"hidden"}}}}"""));
    }

    @Test
    void swaggerUiIsServedWithItsOwnPolicyAndTheRestKeepsTheStrictOne() {
        HttpResponse<String> entry = get("/api/docs");
        assertThat(entry.statusCode()).as(entry.body()).isBetween(300, 399);
        HttpResponse<String> ui = get(entry.headers().firstValue("Location").orElseThrow());
        assertThat(ui.statusCode()).as(ui.body()).isBetween(300, 399);

        HttpResponse<String> page = get(ui.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("style-src 'self' 'unsafe-inline'").contains("script-src 'self'")
                .doesNotContain("script-src 'self' 'unsafe-inline'");

        HttpResponse<String> config = get("/api/docs/gateway/swagger-config");
        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        assertThat(config.body()).contains("/api/docs/openapi.json");

        assertThat(get("/api/v1/questions").headers().firstValue("Content-Security-Policy").orElseThrow())
                .doesNotContain("unsafe-inline");
    }
}
