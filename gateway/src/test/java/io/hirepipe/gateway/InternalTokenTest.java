package io.hirepipe.gateway;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalToken;
import io.hirepipe.defaults.security.InternalTokenProperties;
import io.hirepipe.gateway.security.InternalJwksController;
import io.hirepipe.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The internal token: signed with a key only the gateway holds, published as a JWKS, one audience per service. */
class InternalTokenTest extends GatewayTestSupport {

    @Test
    void theJwksListsEveryKeyByKidWithoutAnyPrivatePart() {
        HttpResponse<String> response = get(InternalJwksController.PATH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/jwk-set+json"));
        JsonNode keys = json(response).get("keys");
        assertThat(keys.findValuesAsString("kid")).containsExactly(SIGNING_KEY.getKeyID(), PREVIOUS_KEY.getKeyID());
        assertThat(keys.findValuesAsString("kty")).containsOnly("RSA");
        for (String privatePart : new String[]{"d", "p", "q", "dp", "dq", "qi"}) {
            assertThat(keys.findValues(privatePart)).as(privatePart).isEmpty();
        }
    }

    @Test
    void theForwardedTokenIsShortLivedRs256ForTheOneServiceTheRouteLeadsTo() {
        String recruiter = acmeRecruiterToken();
        get("/api/v1/questions/q-aud", "Authorization", bearer(recruiter));
        get("/api/v1/results/s-aud", "Authorization", bearer(recruiter));

        Jwt toQuestions = forwardedToken(QUESTIONS.lastRequestTo("/api/questions/q-aud"));
        Jwt toScoring = forwardedToken(SCORING.lastRequestTo("/api/results/s-aud"));

        assertThat(toQuestions.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", SIGNING_KEY.getKeyID());
        assertThat(toQuestions.getAudience()).containsExactly("question-service");
        assertThat(toScoring.getAudience()).containsExactly("scoring-service");
        assertThat(Duration.between(toQuestions.getIssuedAt(), toQuestions.getExpiresAt())).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aServiceAcceptsTheTokenMeantForItAndRefusesOneMeantForAnother() {
        String recruiter = acmeRecruiterToken();
        get("/api/v1/questions/q-verify", "Authorization", bearer(recruiter));
        get("/api/v1/results/s-verify", "Authorization", bearer(recruiter));
        InternalToken questionService = new InternalToken(new InternalTokenProperties(
                "http://localhost:" + port + InternalJwksController.PATH, "question-service",
                TestInfrastructure.INTERNAL_TOKEN_SECRET, "hirepipe", null), Clock.systemUTC());

        Caller caller = InternalToken.callerOf(questionService.decoder().decode(
                bearerOf(QUESTIONS.lastRequestTo("/api/questions/q-verify"))));
        assertThat(caller.tenantId()).isEqualTo(ACME);

        String meantForScoring = bearerOf(SCORING.lastRequestTo("/api/results/s-verify"));
        assertThatThrownBy(() -> questionService.decoder().decode(meantForScoring))
                .isInstanceOf(JwtValidationException.class);
    }

    private static String bearerOf(StubService.Received received) {
        return received.header("Authorization").substring("Bearer ".length());
    }
}
