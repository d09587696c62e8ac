package io.hirepipe.testkit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApiAssertionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonNode DOCUMENT = JSON.readTree("""
            {"paths": {
              "/api/tests/import": {"post": {"responses": {}}},
              "/api/tests/{id}": {"delete": {"responses": {"409": {"content": {"application/problem+json": {"examples": {
                  "test-published": {"value": {"type": "https://hirepipe.io/problems/test-published", "status": 409}}}}}}}}},
              "/api/tests/{id}/publish": {"post": {"responses": {"412": {"content": {"application/problem+json": {
                  "example": {"type": "https://hirepipe.io/problems/precondition-failed", "status": 412}}}}}}}
            }}""");

    @Test
    void aRefusalListedForTheOperationPasses() {
        assertThatCode(() -> OpenApiAssertions.assertDocumentsRefusal(DOCUMENT, "DELETE", "/api/tests/t_1",
                problem(409, "test-published"))).doesNotThrowAnyException();
        assertThatCode(() -> OpenApiAssertions.assertDocumentsRefusal(DOCUMENT, "POST", "/api/tests/t_1/publish?x=1",
                problem(412, "precondition-failed"))).doesNotThrowAnyException();
    }

    @Test
    void aRefusalOfAnotherTypeOrStatusOrOperationFailsNamingWhatIsListed() {
        assertThatThrownBy(() -> OpenApiAssertions.assertDocumentsRefusal(DOCUMENT, "DELETE", "/api/tests/t_1",
                problem(409, "test-retired"))).hasMessageContaining("test-retired").hasMessageContaining("test-published");
        assertThatThrownBy(() -> OpenApiAssertions.assertDocumentsRefusal(DOCUMENT, "DELETE", "/api/tests/t_1",
                problem(422, "test-published"))).hasMessageContaining("no 422");
        assertThatThrownBy(() -> OpenApiAssertions.assertDocumentsRefusal(DOCUMENT, "POST", "/api/tests/import",
                problem(409, "test-published"))).hasMessageContaining("lists no 409");
        assertThatThrownBy(() -> OpenApiAssertions.assertDocumentsRefusal(DOCUMENT, "PUT", "/api/tests/t_1",
                problem(409, "test-published"))).hasMessageContaining("not in the API description");
    }

    @Test
    void aSuccessStatusMustBeTheOneDocumented() {
        JsonNode document = JSON.readTree("""
                {"paths": {"/api/tests/{id}": {"delete": {"responses": {"200": {"description": "OK"}}}}}}""");

        assertThatCode(() -> OpenApiAssertions.assertDocumentsStatus(document, "DELETE", "/api/tests/t_1", 200))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> OpenApiAssertions.assertDocumentsStatus(document, "DELETE", "/api/tests/t_1", 204))
                .hasMessage("DELETE /api/tests/t_1 answered 204 but its description lists [200]");
        assertThatThrownBy(() -> OpenApiAssertions.assertDocumentsStatus(document, "GET", "/api/tests/t_1", 200))
                .hasMessageContaining("not in the API description");
    }

    private static JsonNode problem(int status, String slug) {
        return JSON.readTree("{\"type\": \"https://hirepipe.io/problems/" + slug + "\", \"status\": " + status + "}");
    }
}
