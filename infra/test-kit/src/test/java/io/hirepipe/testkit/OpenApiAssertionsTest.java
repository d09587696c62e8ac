package io.hirepipe.testkit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
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

    @Test
    void aPatternMustBeAnchoredAndReadAlikeByJavaAndEcmaScript() {
        assertThat(OpenApiAssertions.gaps(schemaWithPattern("^[A-Za-z0-9_-]+$"))).isEmpty();
        assertThat(OpenApiAssertions.gaps(schemaWithPattern("^[^\\x00-\\x1F\\x7F]*$"))).isEmpty();
        assertThat(OpenApiAssertions.gaps(schemaWithPattern("^(?:hp_)[\\[\\]a-z]{2,5}$"))).isEmpty();

        assertThat(OpenApiAssertions.gaps(schemaWithPattern("[A-Za-z0-9._:-]*"))).singleElement().asString()
                .startsWith("/components/schemas/CreateInvitationRequest/properties/externalReference/pattern: ")
                .contains("not anchored");
        assertThat(OpenApiAssertions.gaps(schemaWithPattern("^hp_[a-z]+\\$"))).singleElement().asString()
                .contains("not anchored");
        for (String javaOnly : java.util.List.of("^[^\\p{Cntrl}]*$", "^\\h+$", "^a++$", "^(?i)abc$", "^[a-z&&[^e]]$",
                "^[a[b]]$", "^\\Qa.b\\E$")) {
            assertThat(OpenApiAssertions.gaps(schemaWithPattern(javaOnly))).as(javaOnly).singleElement().asString()
                    .contains("Java-only regex syntax");
        }
    }

    @Test
    void aDefaultMustBeOfItsSchemasTypeAndNotTheEmptyString() {
        assertThat(OpenApiAssertions.gaps(schemaWith("{'type':'integer','default':50,'example':1}"))).isEmpty();
        assertThat(OpenApiAssertions.gaps(schemaWith("{'type':'number','default':2.5,'example':1}"))).isEmpty();
        assertThat(OpenApiAssertions.gaps(schemaWith("{'type':'boolean','default':false}"))).isEmpty();
        assertThat(OpenApiAssertions.gaps(schemaWith("{'type':'string','default':'CSV','example':'CSV'}"))).isEmpty();

        for (String unset : java.util.List.of("{'type':'number','default':'','example':4}",
                "{'type':'string','default':'','example':'x'}", "{'$ref':'#/components/schemas/Other','default':''}")) {
            assertThat(OpenApiAssertions.gaps(schemaWith(unset))).as(unset).singleElement().asString()
                    .startsWith("/components/schemas/CreateInvitationRequest/properties/externalReference/default: ")
                    .contains("no real default");
        }
        assertThat(OpenApiAssertions.gaps(schemaWith("{'type':'integer','default':'50','example':1}"))).singleElement()
                .asString().contains("not of the schema's type [integer]");
        assertThat(OpenApiAssertions.gaps(schemaWith("{'type':'integer','default':2.5,'example':1}"))).singleElement()
                .asString().contains("not of the schema's type [integer]");
    }

    @Test
    void aScalarExampleMustBeOfItsSchemasType() {
        assertThat(OpenApiAssertions.gaps(schemaWith("{'type':'number','example':2.0}"))).isEmpty();
        assertThat(OpenApiAssertions.gaps(schemaWith("{'type':['string','null'],'example':'x'}"))).isEmpty();

        assertThat(OpenApiAssertions.gaps(schemaWith("{'type':'number','example':'nina@example.com'}"))).singleElement()
                .asString().isEqualTo("/components/schemas/CreateInvitationRequest/properties/externalReference/example: "
                        + "example \"nina@example.com\" is not of the schema's type [number]");
    }

    @Test
    void aParametersPatternIsCheckedToo() {
        JsonNode document = JSON.readTree("""
                {"paths": {"/api/x": {"post": {"summary": "s", "tags": ["X"], "responses": {"204": {"description": "OK"}},
                  "parameters": [{"name": "requestId", "in": "header", "schema": {"type": "string", "pattern": "[a-z]+"}}]}}}}""");

        assertThat(OpenApiAssertions.gaps(document)).singleElement().asString()
                .startsWith("/paths/~1api~1x/post/parameters/0/schema/pattern: ");
    }

    private static JsonNode schemaWithPattern(String pattern) {
        return schemaWith(JSON.createObjectNode().put("type", "string").put("pattern", pattern).put("example", "x"));
    }

    private static JsonNode schemaWith(String property) {
        return schemaWith((ObjectNode) JSON.readTree(property.replace('\'', '"')));
    }

    private static JsonNode schemaWith(ObjectNode property) {
        ObjectNode document = JSON.createObjectNode();
        document.putObject("paths").putObject("/api/x").putObject("get").put("summary", "s")
                .<ObjectNode>set("tags", JSON.createArrayNode().add("X"))
                .putObject("responses").putObject("204").put("description", "OK");
        document.putObject("components").putObject("schemas").putObject("CreateInvitationRequest")
                .putObject("properties").set("externalReference", property);
        return document;
    }

    private static JsonNode problem(int status, String slug) {
        return JSON.readTree("{\"type\": \"https://hirepipe.io/problems/" + slug + "\", \"status\": " + status + "}");
    }
}
