package io.hirepipe.defaults.web;

import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.testkit.TestGatewayKeys;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import java.time.Clock;
import java.time.Duration;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives a real embedded Tomcat over HTTP: what a client of any Hirepipe service meets. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=defaults-test",
        "hirepipe.security.internal-token.secret=a-test-secret-that-is-long-enough-for-hs256",
        "hirepipe.http.max-request-body=1KB"})
class ServletDefaultsTest {

    @LocalServerPort
    int port;

    private final InternalTokenIssuer gateway = new InternalTokenIssuer(
            InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()), "hirepipe", Duration.ofSeconds(60),
            Clock.systemUTC());

    @DynamicPropertySource
    static void gatewayKeys(DynamicPropertyRegistry registry) {
        registry.add("hirepipe.security.internal-token.jwk-set-uri", TestGatewayKeys::jwkSetUri);
    }

    private HttpApi anonymous;
    private HttpApi recruiter;

    @BeforeEach
    void connect() {
        anonymous = HttpApi.at("http://localhost:" + port);
        recruiter = anonymous.withBearer(recruiterToken());
    }

    private String recruiterToken() {
        return gateway.issue(Caller.recruiter("tenant-a", "user-1", "rita@example.com"), "defaults-test");
    }

    @Test
    void aValidRequestReachesTheControllerWithItsCaller() {
        JsonNode body = recruiter.post("/api/widgets", "{\"name\":\"w\",\"size\":2}").expect(200);

        assertThat(body.get("tenant").asString()).isEqualTo("tenant-a");
        assertThat(body.get("kind").asString()).isEqualTo("RECRUITER");
    }

    @Test
    void aListIsAnObjectWhoseItemsAreTheElements() {
        JsonNode list = recruiter.get("/api/widgets").expect(200);

        assertThat(list.propertyNames()).containsExactly("items");
        assertThat(list.get("items").findValuesAsString("name")).containsExactly("small", "large");
    }

    @Test
    void aRequestWithoutTheGatewayTokenIsRefused() {
        JsonNode problem = anonymous.post("/api/widgets", "{\"name\":\"w\",\"size\":2}").problem(401);
        assertThat(problem.get("detail").asString()).contains("gateway");
        assertThat(problem.get("correlationId").asString()).as("extension members sit at the top level").isNotBlank();
        assertThat(problem.has("properties")).isFalse();
    }

    @Test
    void aForgedTokenIsRefused() {
        String forged = recruiterToken().substring(0, recruiterToken().lastIndexOf('.')) + ".AAAA";
        anonymous.withBearer(forged).post("/api/widgets", "{\"name\":\"w\",\"size\":2}").problem(401);
    }

    @Test
    void aCallerOfTheWrongKindIsForbidden() {
        String candidate = gateway.issue(Caller.candidate("tenant-a", "inv-1"), "defaults-test");
        anonymous.withBearer(candidate).post("/api/widgets", "{\"name\":\"w\",\"size\":2}").problem(403);
    }

    @Test
    void malformedJsonIsABadRequestThatSaysSo() {
        JsonNode problem = recruiter.post("/api/widgets", "{\"name\": \"w\",").problem(400);
        assertThat(problem.get("detail").asString()).containsIgnoringCase("malformed json");
    }

    /**
     * The parser's own location ("[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); byte
     * offset: #UNKNOWN]") means nothing to a client; where the JSON broke is said as a line and column.
     */
    @Test
    void malformedJsonSaysWhereInWordsWithoutTheParsersInternals() {
        JsonNode truncated = recruiter.post("/api/widgets", "{\"name\": \"w\",\n \"tags\": [\"a\"").problem(400, "malformed-request");
        assertThat(truncated.get("detail").asString())
                .startsWith("Malformed JSON at line 2, column ").endsWith(": unexpected end of input.");

        JsonNode unquoted = recruiter.post("/api/widgets", "{\"name\": w}").problem(400, "malformed-request");
        assertThat(unquoted.get("detail").asString())
                .isEqualTo("Malformed JSON at line 1, column 10: unrecognized token (a string without quotes?).");
    }

    /**
     * The parser's message quotes the text where it stopped, and a body can carry an answer or a secret: the problem
     * says where and what kind of mistake, never a word of the body.
     */
    @Test
    void malformedJsonNamesLineColumnAndKindWithoutRepeatingTheBody() {
        String secret = "whsec_Unquoted7Kq2Xv9Lm4NcSecret";
        assertThat(recruiter.post("/api/widgets", "{\"name\": \"w\",\n \"size\": 2, \"tags\": [" + secret + "]}")
                .problem(400, "malformed-request").get("detail").asString())
                .isEqualTo("Malformed JSON at line 2, column 22: unrecognized token (a string without quotes?).");
        assertThat(recruiter.post("/api/widgets", "{\"name\": \"w\", \"size\": 2 " + secret + "}")
                .problem(400, "malformed-request").get("detail").asString())
                .isEqualTo("Malformed JSON at line 1, column 25: unexpected character.");
        assertThat(recruiter.post("/api/widgets", "{\"name\": \"" + secret + "\n\"}")
                .problem(400, "malformed-request").get("detail").asString())
                .isEqualTo("Malformed JSON at line 1, column 43: a control character in a string must be escaped.");
        assertThat(recruiter.post("/api/widgets", "{\"name\": \"w\", \"size\": 2]")
                .problem(400, "malformed-request").get("detail").asString())
                .isEqualTo("Malformed JSON at line 1, column 24: unexpected closing bracket.");
    }

    @Test
    void aWrongTypeNamesTheField() {
        JsonNode problem = recruiter.post("/api/widgets", "{\"name\":\"w\",\"size\":\"big\"}").problem(400);
        assertThat(problem.get("detail").asString()).contains("size");
    }

    @Test
    void scalarsOfTheWrongTypeAreRefusedNotCoerced() {
        assertThat(recruiter.post("/api/widgets", "{\"name\":5,\"size\":1}").problem(400).get("detail").asString())
                .contains("name");
        assertThat(recruiter.post("/api/widgets", "{\"name\":\"w\",\"size\":\"2\"}").problem(400).get("detail")
                .asString()).contains("size");
        recruiter.post("/api/widgets", "{\"name\":true,\"size\":1}").problem(400);
        recruiter.post("/api/widgets", "{\"name\":\"w\",\"size\":1.5}").problem(400);
    }

    @Test
    void aNumberTooLargeForItsFieldIsAnInvalidFieldInWords() {
        HttpApi.Response response = recruiter.post("/api/widgets", "{\"name\":\"w\",\"size\":99999999999}");

        JsonNode problem = response.problem(400, "invalid-request");
        assertThat(problem.get("detail").asString()).isEqualTo("Field 'size' is too large.");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("is too large");
        assertThat(response.body()).doesNotContain("int").doesNotContain("2147483647");
        assertThat(recruiter.post("/api/widgets", "{\"name\":\"w\",\"size\":-99999999999}")
                .problem(400, "invalid-request").get("detail").asString()).isEqualTo("Field 'size' is too small.");
    }

    @Test
    void aMissingOrNullNumberIsRequiredNotOfTheWrongType() {
        for (String body : new String[] {"{\"name\":\"w\"}", "{\"name\":\"w\",\"size\":null}"}) {
            JsonNode problem = recruiter.post("/api/widgets", body).problem(400, "invalid-request");
            assertThat(problem.get("detail").asString()).as(body).isEqualTo("Field 'size' is required.");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("size");
        }
    }

    /**
     * A key given twice ({@code "size":1, ..., "size":9}) used to be read silently as its last value; another
     * reader of the same body (a proxy, an audit tool) may take the first. The request is refused naming the key.
     */
    @Test
    void aKeyGivenTwiceIsRefusedNamingIt() {
        JsonNode top = recruiter.post("/api/widgets", "{\"name\":\"w\",\"size\":1,\"size\":9}")
                .problem(400, "invalid-request");
        assertThat(top.get("detail").asString()).isEqualTo("Field 'size' appears more than once.");
        assertThat(top.get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(top.get("errors").get(0).get("message").asString()).isEqualTo("appears more than once");

        JsonNode nested = recruiter.post("/api/widgets",
                "{\"name\":\"w\",\"size\":1,\"parts\":[{\"id\":\"a\"},{\"id\":\"b\",\"id\":\"c\"}]}")
                .problem(400, "invalid-request");
        assertThat(nested.get("errors").get(0).get("field").asString()).isEqualTo("parts[1].id");
    }

    /**
     * A time in a body is an ISO-8601 string. Jackson alone read a number as epoch seconds, so JavaScript's
     * Date.now() (milliseconds) became the year 56,900, and took years no database date can hold.
     */
    @Test
    void aTimeIsAnIsoStringNeverANumberNorBeyondYear9999() {
        JsonNode millis = recruiter.post("/api/widgets", "{\"name\":\"w\",\"size\":1,\"madeAt\":1733443200000}")
                .problem(400);
        assertThat(millis.get("detail").asString())
                .isEqualTo("Field 'madeAt' has the wrong type (expected an ISO-8601 timestamp).");

        JsonNode farOut = recruiter.post("/api/widgets",
                "{\"name\":\"w\",\"size\":1,\"madeAt\":\"+1000000000-01-01T00:00:00Z\"}").problem(400);
        assertThat(farOut.get("detail").asString()).isEqualTo("Field 'madeAt' must be an ISO-8601 timestamp.");
        recruiter.post("/api/widgets", "{\"name\":\"w\",\"size\":1,\"madeAt\":\"2026-12-01\"}").problem(400);

        assertThat(recruiter.post("/api/widgets", "{\"name\":\"w\",\"size\":1,\"madeAt\":\"2026-12-01T10:00:00+01:00\"}")
                .expect(200).get("madeAt").asString()).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(recruiter.post("/api/widgets", "{\"name\":\"w\",\"size\":1,\"madeAt\":\"2026-12-01T09:00:00Z\"}")
                .expect(200).get("madeAt").asString()).isEqualTo("2026-12-01T09:00:00Z");
    }

    @Test
    void aTimeThatCannotBeReadIsNamedWithWhatItTakesNotQuoted() {
        assertRefusedWithoutQuoting("madeAt", "when nina@example.com calls",
                "Field 'madeAt' must be an ISO-8601 timestamp.");
    }

    @Test
    void anUnknownEnumValueInABodyIsNamedWithTheValuesItTakesNotQuoted() {
        assertRefusedWithoutQuoting("colour", "nina@example.com", "Field 'colour' must be one of [RED, GREEN].");
    }

    /**
     * A value a field cannot take is not quoted back: what a client sent can be personal (an address typed into the
     * wrong field) and problems end up in logs. The detail names the field and what it takes.
     */
    private void assertRefusedWithoutQuoting(String field, String value, String detail) {
        HttpApi.Response response = recruiter.post("/api/widgets",
                "{\"name\":\"w\",\"size\":1,\"" + field + "\":\"" + value + "\"}");

        assertThat(response.problem(400, "malformed-request").get("detail").asString()).isEqualTo(detail);
        assertThat(response.body()).doesNotContain("nina");
    }

    @Test
    void operatorInjectionIsRefusedAsAWrongType() {
        JsonNode problem = recruiter.post("/api/widgets", "{\"name\":{\"$gt\":\"\"},\"size\":1}").problem(400);
        assertThat(problem.get("detail").asString()).contains("name").contains("string");
    }

    @Test
    void validationErrorsListEveryField() {
        JsonNode problem = recruiter.post("/api/widgets", "{\"name\":\"\",\"size\":0,\"owner\":\"nope\"}").problem(400);
        assertThat(problem.get("errors")).hasSize(3);
        assertThat(problem.get("detail").asString()).contains("name").contains("size").contains("owner");
    }

    @Test
    void anOversizeBodyIsRefusedWith413() {
        String big = "{\"name\":\"" + "x".repeat(2048) + "\",\"size\":1}";
        JsonNode problem = recruiter.post("/api/widgets", big).problem(413);
        assertThat(problem.get("detail").asString()).contains("1024");
        assertThat(problem.get("correlationId").asString()).isNotBlank();
    }

    @Test
    void anUnknownIdIsA404Problem() {
        JsonNode problem = recruiter.get("/api/widgets/w-404").problem(404);
        assertThat(problem.get("detail").asString()).contains("w-404");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/widgets/w-404");
    }

    @Test
    void anOutOfRangeQueryParameterIsNamed() {
        JsonNode problem = recruiter.get("/api/widgets?limit=100000").problem(400, "invalid-request");

        assertThat(problem.get("detail").asString()).startsWith("limit: ");
        assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo("limit");
        assertThat(problem.get("parameter").asString()).as("one parameter is named at the top level too")
                .isEqualTo("limit");
        recruiter.get("/api/widgets?limit=200").expect(200);
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsAnInvalidParameterThatSaysWhatItTakes() {
        assertInvalidParameter(recruiter.get("/api/widgets?limit=abc"), "limit",
                "Parameter 'limit' must be a whole number.");
        assertInvalidParameter(recruiter.get("/api/widgets?limit=1.5"), "limit",
                "Parameter 'limit' must be a whole number.");
        assertInvalidParameter(recruiter.get("/api/widgets?limit=99999999999"), "limit",
                "Parameter 'limit' is too large.");
        assertInvalidParameter(recruiter.get("/api/widgets?colour=BLUE"), "colour",
                "Parameter 'colour' must be one of [RED, GREEN].");
        assertInvalidParameter(recruiter.get("/api/widgets?weight=heavy"), "weight",
                "Parameter 'weight' must be a number.");
        assertInvalidParameter(recruiter.get("/api/widgets?since=yesterday"), "since",
                "Parameter 'since' has an invalid value.");
        recruiter.get("/api/widgets?colour=GREEN&weight=2.5&since=2026-01-01T00:00:00Z").expect(200);
    }

    @Test
    void aPathVariableOfTheWrongTypeIsAnInvalidParameter() {
        assertInvalidParameter(recruiter.get("/api/gadgets/g1/versions/abc"), "version",
                "Parameter 'version' must be a whole number.");
        assertInvalidParameter(recruiter.get("/api/gadgets/g1/versions/-99999999999"), "version",
                "Parameter 'version' is too small.");
    }

    @Test
    void aMissingRequiredParameterIsAnInvalidParameterNamingIt() {
        assertInvalidParameter(recruiter.get("/api/gadgets/lookup"), "gadget_id", "Parameter 'gadget_id' is required.");
        recruiter.get("/api/gadgets/lookup?gadget_id=g1").expect(200);
    }

    @Test
    void aLongUnconvertibleValueIsNotEchoed() {
        HttpApi.Response response = recruiter.get("/api/widgets?colour=" + "X".repeat(3000));

        assertInvalidParameter(response, "colour", "Parameter 'colour' must be one of [RED, GREEN].");
        assertThat(response.body()).doesNotContain("XXXXXXXX");
    }

    private static void assertInvalidParameter(HttpApi.Response response, String parameter, String detail) {
        JsonNode problem = response.problem(400, "invalid-parameter");
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
    }

    @Test
    void aParameterThatIsNotUtf8IsAMalformedRequestNotABug() {
        JsonNode problem = recruiter.get("/api/widgets?limit=%FF%FE").problem(400, "malformed-request");

        assertThat(problem.get("detail").asString()).contains("UTF-8");
        recruiter.get("/api/widgets?limit=%32%30").expect(200);
    }

    @Test
    void aParameterCheckedByMethodValidationIsNamedAsTheClientSentIt() {
        JsonNode limit = recruiter.get("/api/gadgets?limit=101").problem(400, "invalid-request");
        assertThat(limit.get("detail").asString()).isEqualTo("limit: must be less than or equal to 100");
        assertThat(limit.get("errors").get(0).get("parameter").asString()).isEqualTo("limit");
        assertThat(limit.get("parameter").asString()).isEqualTo("limit");

        JsonNode version = recruiter.get("/api/gadgets/g1/versions/0").problem(400, "invalid-request");
        assertThat(version.get("detail").asString()).isEqualTo("version: must be greater than or equal to 1");
        assertThat(version.get("errors").get(0).get("parameter").asString()).isEqualTo("version");
        recruiter.get("/api/gadgets?limit=100").expect(200);
    }

    @Test
    void anUnknownPathIsA404Problem() {
        recruiter.get("/api/nothing-here").problem(404);
    }

    /**
     * A typo in the last segment of a real path (the gateway routes it here): the detail points at the API
     * description, without Spring's "No static resource" wording or the service's internal path, which the gateway
     * does not rewrite in a detail (only in {@code instance}).
     */
    @Test
    void aTypoInAPathSaysThereIsNoSuchOperationWithoutTheInternalPath() {
        for (String method : new String[] {"GET", "POST"}) {
            JsonNode problem = recruiter.send(method, "/api/widgets/w-1/publsh", "{}").problem(404, "not-found");

            assertThat(problem.get("detail").asString()).as(method)
                    .isEqualTo("There is no operation at this path. The API is described at /api/docs.")
                    .doesNotContain("static resource").doesNotContain("api/widgets");
            assertThat(problem.get("instance").asString()).isEqualTo("/api/widgets/w-1/publsh");
        }
    }

    @Test
    void aBugIsA500ThatRevealsNothingInternal() {
        HttpApi.Response response = recruiter.get("/api/boom");
        JsonNode problem = response.problem(500);
        assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException");
        assertThat(problem.get("correlationId").asString()).isNotBlank();
    }

    @Test
    void theCorrelationIdIsAdoptedEchoedAndPutInProblems() {
        HttpApi.Response response = recruiter.withHeader(CorrelationId.HEADER, "req-123").get("/api/widgets/w-1");

        assertThat(response.header(CorrelationId.HEADER)).hasValue("req-123");
        assertThat(response.json().get("correlationId").asString()).isEqualTo("req-123");
    }

    @Test
    void aHostileCorrelationIdIsReplaced() {
        HttpApi.Response response = anonymous.withHeader(CorrelationId.HEADER, "evil ${jndi:ldap://x}")
                .get("/actuator/health");

        assertThat(response.header(CorrelationId.HEADER)).hasValueSatisfying(
                id -> assertThat(id).doesNotContain("jndi").hasSize(36));
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposedAndOpen() {
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/info").status()).isEqualTo(200);
        HttpApi.Response prometheus = anonymous.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("application=\"defaults-test\"");
        assertThat(recruiter.get("/actuator/env").status()).isEqualTo(404);
        assertThat(recruiter.get("/actuator/beans").status()).isEqualTo(404);
    }
}
