package io.hirepipe.gateway;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.gateway.identity.BootstrapProperties;
import io.hirepipe.gateway.identity.IdentityBootstrap;
import io.hirepipe.gateway.identity.RecruiterUser;
import io.hirepipe.gateway.identity.Tenant;
import io.hirepipe.gateway.identity.UserStatus;
import io.hirepipe.testkit.VerboseLogging;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recruiter login, the edge tokens it yields, bad login input and the start-up bootstrap. */
class LoginTest extends GatewayTestSupport {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void recruiterLogsInWithEmailInAnyCaseAndGetsAShortAccessTokenAndARefreshToken() {
        HttpResponse<String> response = postJson("/api/v1/auth/login",
                "{\"email\":\"recruiter@ACME.test\",\"password\":\"" + ACME_PASSWORD + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("tenantId").asString()).isEqualTo(ACME);
        assertThat(body.get("email").asString()).isEqualTo("recruiter@acme.test");
        assertThat(Instant.parse(body.get("expiresAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(15)), within(Duration.ofMinutes(1)));
        assertThat(body.get("token").asString().split("\\.")).hasSize(3);
        assertThat(body.get("refreshToken").asString()).startsWith("rt_");
        assertThat(Instant.parse(body.get("refreshExpiresAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(12)), within(Duration.ofMinutes(1)));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        HttpResponse<String> wrongPassword = postJson("/api/v1/auth/login",
                "{\"email\":\"" + ACME_RECRUITER + "\",\"password\":\"not the password\"}");
        HttpResponse<String> unknownEmail = postJson("/api/v1/auth/login",
                "{\"email\":\"nobody@acme.test\",\"password\":\"not the password\"}");

        JsonNode first = assertProblem(wrongPassword, 401);
        JsonNode second = assertProblem(unknownEmail, 401);
        assertThat(first.get("type")).isEqualTo(second.get("type"));
        assertThat(first.get("detail")).isEqualTo(second.get("detail"));
        assertThat(first.get("title")).isEqualTo(second.get("title"));
        assertThat(wrongPassword.body()).doesNotContain("token");
    }

    @Test
    void malformedJsonIsABadRequest() {
        JsonNode problem = assertProblem(postJson("/api/v1/auth/login", "{\"email\": \"a@b.test\", "), 400);
        assertThat(problem.get("detail").asString()).containsIgnoringCase("JSON");
        assertThat(problem.get("correlationId").asString()).isNotBlank();
    }

    /** Where it broke, as the services say it, but never a word of the body: sign-in bodies carry passwords. */
    @Test
    void malformedJsonSaysWhereItBrokeWithoutRepeatingThePassword() {
        String password = "Unquoted-Secret-" + UUID.randomUUID();
        JsonNode unquoted = assertProblem(postJson("/api/v1/auth/login",
                "{\"email\": \"a@b.test\",\n \"password\": " + password + "}"), 400);
        assertThat(unquoted.get("detail").asString()).startsWith("Malformed JSON at line 2, column ")
                .doesNotContainIgnoringCase("unquoted-secret").doesNotContain(password.substring(16, 24));

        JsonNode truncated = assertProblem(postJson("/api/v1/auth/refresh", "{\"refreshToken\": \"rt_" + password), 400);
        assertThat(truncated.get("detail").asString()).startsWith("Malformed JSON at line 1, column ")
                .doesNotContainIgnoringCase("unquoted-secret");
    }

    @Test
    void wrongTypesAreABadRequestNamingTheField() {
        JsonNode problem = assertProblem(postJson("/api/v1/auth/login", "{\"email\": 42, \"password\": \"x\"}"), 400);
        assertThat(problem.get("detail").asString()).contains("'email'").contains("must be a string");
        assertProblem(postJson("/api/v1/auth/login", "{\"email\": \"a@b.test\", \"password\": [\"x\"]}"), 400);
    }

    /** Two values for one key: no reader's choice between them decides who signs in. */
    @Test
    void aKeyGivenTwiceIsABadRequestNamingItNotALogin() {
        HttpResponse<String> response = postJson("/api/v1/auth/login", "{\"email\":\"nobody@acme.test\",\"password\":\""
                + ACME_PASSWORD + "\",\"email\":\"recruiter@acme.test\"}");

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("detail").asString()).isEqualTo("Field 'email' appears more than once.");
        assertThat(response.body()).doesNotContain("token");
    }

    @Test
    void operatorInjectionIsABadRequestNotALogin() {
        HttpResponse<String> response = postJson("/api/v1/auth/login",
                "{\"email\": {\"$gt\": \"\"}, \"password\": {\"$gt\": \"\"}}");

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("detail").asString()).contains("wrong type");
    }

    @Test
    void missingAndInvalidFieldsAreListed() {
        JsonNode problem = assertProblem(postJson("/api/v1/auth/login", "{\"email\": \"not-an-email\"}"), 400);

        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                .contains("email", "password");
    }

    @Test
    void oversizeBodiesAreRefusedWith413WhetherDeclaredOrStreamed() {
        String huge = "{\"email\":\"a@b.test\",\"password\":\"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(postJson("/api/v1/auth/login", huge), 413);

        // No Content-Length: the body arrives chunked and is counted as it streams.
        HttpResponse<String> chunked = send(request("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes()))));
        assertProblem(chunked, 413);
    }

    @Test
    void wrongMethodAndWrongMediaTypeAreProblems() {
        HttpResponse<String> wrongMethod = get("/api/v1/auth/login");
        assertProblem(wrongMethod, 405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));

        HttpResponse<String> wrongType = send(request("/api/v1/auth/login").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("email=a@b.test")));
        assertProblem(wrongType, 415);
    }

    @Test
    void aRecruiterTokenIsRefusedOnceTamperedWithAndAnInternalTokenIsNoEdgeToken() {
        String token = acmeRecruiterToken();
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        assertProblem(get("/api/v1/questions", "Authorization", bearer(tampered)), 401);

        // An internal token (signed for a service) must not open the edge.
        String internal = internalTokens.issue(Caller.recruiter(ACME, "usr_x", "x@acme.test"), "question-service");
        assertProblem(get("/api/v1/questions", "Authorization", bearer(internal)), 401);
    }

    @Test
    void aPasswordHashedAtALowerCostIsRehashedAtTheEncodersCostOnTheNextSignIn() {
        String email = "legacy.cost@acme.test";
        String password = "an old account's passphrase";
        String weak = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
        mongo.insert(new RecruiterUser("legacy-cost-user", ACME, email, weak, Instant.now(), Role.RECRUITER,
                UserStatus.ACTIVE)).block();

        assertProblem(postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"wrong\"}"), 401);
        assertThat(storedHashOf(email)).as("a wrong password changes nothing").isEqualTo(weak);

        try {
            assertThat(login(email, password)).isNotBlank();
            assertThat(storedHashOf(email)).startsWith("{bcrypt}$2a$10$");
            assertThat(login(email, password)).as("the new hash is of the same password").isNotBlank();
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is("legacy-cost-user")), RecruiterUser.class).block();
        }
    }

    private String storedHashOf(String email) {
        return mongo.findOne(Query.query(Criteria.where("email").is(email)), RecruiterUser.class).block().passwordHash();
    }

    @Test
    void bootstrapIsIdempotentAndNeverResetsAPassword() {
        BootstrapProperties again = new BootstrapProperties(ACME, "Renamed", ACME_RECRUITER, "a different password");

        assertThatCode(() -> {
            bootstrap.bootstrap(again).block(Duration.ofSeconds(30));
            bootstrap.bootstrap(again).block(Duration.ofSeconds(30));
        }).doesNotThrowAnyException();

        assertThat(mongo.count(Query.query(Criteria.where("_id").is(ACME)), Tenant.class).block()).isEqualTo(1);
        assertThat(mongo.findById(ACME, Tenant.class).block().name()).isEqualTo("Acme Corp");
        assertThat(mongo.count(Query.query(Criteria.where("email").is("recruiter@acme.test")), RecruiterUser.class)
                .block()).isEqualTo(1);
        RecruiterUser stored = mongo.findOne(Query.query(Criteria.where("email").is("recruiter@acme.test")),
                RecruiterUser.class).block();
        assertThat(stored.passwordHash()).startsWith("{bcrypt}").doesNotContain(ACME_PASSWORD);
        assertThat(login(ACME_RECRUITER, ACME_PASSWORD)).isNotBlank();
    }

    /** Start-up logs are kept and shipped; the bootstrap recruiter appears in them by a hash prefix, as in sign-in lines. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theBootstrapLogsNoAddress(CapturedOutput output) {
        String email = "Bootstrap-" + UUID.randomUUID() + "@Initech.test";
        String tenant = "t-" + UUID.randomUUID();
        try (VerboseLogging verbose = VerboseLogging.at(LogLevel.DEBUG, IdentityBootstrap.class.getName())) {
            bootstrap.bootstrap(new BootstrapProperties(tenant, "Initech", email, ACME_PASSWORD)).block(Duration.ofSeconds(30));
            bootstrap.bootstrap(new BootstrapProperties(tenant, "Initech", email, ACME_PASSWORD)).block(Duration.ofSeconds(30));
            assertThatThrownBy(() -> bootstrap.bootstrap(new BootstrapProperties(ACME, "Acme Corp", email, ACME_PASSWORD))
                    .block(Duration.ofSeconds(30)))
                    .hasMessageContaining("another tenant")
                    .satisfies(refused -> assertThat(refused.getMessage()).doesNotContainIgnoringCase(email));
        }

        String account = RecruiterUser.emailKey(email).substring(0, 12);
        assertThat(output).contains("Bootstrap recruiter").contains(account).contains("already exists")
                .doesNotContainIgnoringCase(email);
    }
}
