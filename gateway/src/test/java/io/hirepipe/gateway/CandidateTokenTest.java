package io.hirepipe.gateway;

import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.CallerKind;
import io.hirepipe.testkit.OpenApiAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Candidates exchange their invitation token for a candidate token via assessment-service's redeem. */
class CandidateTokenTest extends GatewayTestSupport {

    private static final String REDEEM = "/internal/invitations/redeem";

    /** Answers the redeem call per invitation token, like assessment-service would. */
    private static void assessmentKnows(String token, StubService.Reply reply) {
        StubService.Reply notFound = StubService.Reply.problem(404,
                "{\"status\":404,\"title\":\"Not found\",\"detail\":\"unknown\"}");
        ASSESSMENTS.reply(REDEEM, request -> request.body().contains("\"" + token + "\"") ? reply : notFound);
    }

    private String redeemed(String invitationId, Instant expiresAt, String status) {
        return "{\"tenantId\":\"" + ACME + "\",\"invitationId\":\"" + invitationId + "\",\"status\":\"" + status
                + "\",\"expiresAt\":\"" + expiresAt + "\"}";
    }

    @Test
    void aValidInvitationTokenBecomesACandidateTokenForThatInvitationOnly() {
        String invitationToken = "inv-token-" + UUID.randomUUID();
        Instant invitationExpiry = Instant.now().plus(2, ChronoUnit.DAYS);
        assessmentKnows(invitationToken, StubService.Reply.json(200, redeemed("inv-42", invitationExpiry, "INVITED")));

        HttpResponse<String> response = postJson("/api/v1/auth/candidate",
                "{\"invitationToken\":\"" + invitationToken + "\"}", CorrelationId.HEADER, "candidate-flow-1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(Instant.parse(body.get("expiresAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(6)), within(Duration.ofMinutes(1)));

        StubService.Received redeem = ASSESSMENTS.lastRequestTo(REDEEM);
        assertThat(redeem.body()).contains("\"token\":\"" + invitationToken + "\"");
        assertThat(redeem.header(CorrelationId.HEADER)).isEqualTo("candidate-flow-1");
        Caller gateway = forwardedCaller(redeem);
        assertThat(gateway.kind()).isEqualTo(CallerKind.SERVICE);
        assertThat(gateway.subject()).isEqualTo("gateway");
        assertThat(gateway.tenantId()).isEqualTo("_platform");

        String candidateToken = body.get("token").asString();
        HttpResponse<String> assessment = get("/api/v1/candidate/assessment", "Authorization", bearer(candidateToken));
        assertThat(assessment.statusCode()).as(assessment.body()).isEqualTo(200);
        Caller candidate = forwardedCaller(ASSESSMENTS.lastRequestTo("/api/candidate/assessment"));
        assertThat(candidate.kind()).isEqualTo(CallerKind.CANDIDATE);
        assertThat(candidate.tenantId()).isEqualTo(ACME);
        assertThat(candidate.invitationId()).isEqualTo("inv-42");

        assertProblem(get("/api/v1/questions", "Authorization", bearer(candidateToken)), 403);
        assertProblem(get("/api/v1/invitations", "Authorization", bearer(candidateToken)), 403);
        assertProblem(get("/api/v1/api-keys", "Authorization", bearer(candidateToken)), 403);
    }

    @Test
    void aCandidateTokenNeverOutlivesAnInvitationThatHasNotStarted() {
        String invitationToken = "inv-token-" + UUID.randomUUID();
        Instant soon = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        assessmentKnows(invitationToken, StubService.Reply.json(200, redeemed("inv-43", soon, "INVITED")));

        HttpResponse<String> response = postJson("/api/v1/auth/candidate", "{\"invitationToken\":\"" + invitationToken + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Instant.parse(json(response).get("expiresAt").asString())).isEqualTo(soon);
    }

    @Test
    void anUnknownInvitationTokenIsUnauthenticated() {
        assessmentKnows("some-other-token", StubService.Reply.json(200, redeemed("inv-1", Instant.now(), "INVITED")));

        JsonNode problem = assertProblem(postJson("/api/v1/auth/candidate", "{\"invitationToken\":\"unknown-token\"}"), 401);
        assertThat(problem.get("detail").asString()).contains("invitation");
    }

    @Test
    void aRevokedExpiredOrCompletedInvitationIsGone() {
        String invitationToken = "inv-token-" + UUID.randomUUID();
        assessmentKnows(invitationToken, StubService.Reply.problem(410,
                "{\"status\":410,\"title\":\"Gone\",\"detail\":\"revoked\"}"));

        assertProblem(postJson("/api/v1/auth/candidate", "{\"invitationToken\":\"" + invitationToken + "\"}"), 410);
    }

    @Test
    void aFailingAssessmentServiceIsABadGatewayNotAToken() {
        String invitationToken = "inv-token-" + UUID.randomUUID();
        assessmentKnows(invitationToken, StubService.Reply.json(500, "{\"oops\":true}"));

        HttpResponse<String> response = postJson("/api/v1/auth/candidate", "{\"invitationToken\":\"" + invitationToken + "\"}");

        assertProblem(response, 502);
        assertThat(response.body()).doesNotContain("oops");
    }

    @Test
    void aRunningSessionsTokenLastsUntilItsDeadlineAndIsRenewedWhenTheDeadlineMoves() {
        String invitationToken = "inv-token-" + UUID.randomUUID();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        assessmentKnows(invitationToken, StubService.Reply.json(200, "{\"tenantId\":\"" + ACME
                + "\",\"invitationId\":\"inv-44\",\"status\":\"STARTED\",\"expiresAt\":\"" + Instant.now()
                + "\",\"accessUntil\":\"" + deadline + "\"}"));
        JsonNode exchanged = json(postJson("/api/v1/auth/candidate", "{\"invitationToken\":\"" + invitationToken + "\"}"));
        assertThat(Instant.parse(exchanged.get("expiresAt").asString())).isEqualTo(deadline);

        Instant moved = deadline.plus(Duration.ofMinutes(15));
        ASSESSMENTS.reply("/internal/invitations/renew", request -> StubService.Reply.json(200, "{\"tenantId\":\"" + ACME
                + "\",\"invitationId\":\"inv-44\",\"status\":\"STARTED\",\"accessUntil\":\"" + moved + "\"}"));
        HttpResponse<String> renewed = postJson("/api/v1/auth/candidate/renew", "",
                "Authorization", bearer(exchanged.get("token").asString()));

        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        assertThat(Instant.parse(json(renewed).get("expiresAt").asString())).isEqualTo(moved);
        StubService.Received renew = ASSESSMENTS.lastRequestTo("/internal/invitations/renew");
        assertThat(renew.body()).contains("\"invitationId\":\"inv-44\"");
        Caller gateway = forwardedCaller(renew);
        assertThat(gateway.kind()).isEqualTo(CallerKind.SERVICE);
        assertThat(gateway.subject()).isEqualTo("gateway");
        assertThat(gateway.tenantId()).as("renewing asks within the candidate's tenant").isEqualTo(ACME);
    }

    @Test
    void onlyACandidateRenewsAndAnInvitationThatIsGoneSaysWhichCase() {
        assertProblem(postJson("/api/v1/auth/candidate/renew", ""), 401);
        assertProblem(postJson("/api/v1/auth/candidate/renew", "", "Authorization", bearer(acmeRecruiterToken())), 403);
        assertProblem(postJson("/api/v1/auth/candidate/renew", "", "Authorization", bearer("not-a-token")), 401);

        String invitationToken = "inv-token-" + UUID.randomUUID();
        assessmentKnows(invitationToken, StubService.Reply.problem(410, "{\"status\":410,\"title\":\"Gone\","
                + "\"detail\":\"This assessment was already submitted.\",\"invitationStatus\":\"SUBMITTED\","
                + "\"contactEmail\":\"rita@acme.test\"}"));
        JsonNode gone = assertProblem(postJson("/api/v1/auth/candidate", "{\"invitationToken\":\"" + invitationToken + "\"}"), 410);
        assertThat(gone.get("invitationStatus").asString()).isEqualTo("SUBMITTED");
        assertThat(gone.get("contactEmail").asString()).isEqualTo("rita@acme.test");
        assertThat(gone.get("detail").asString()).isEqualTo("This assessment was already submitted.");
        OpenApiAssertions.assertDocumentsRefusal(json(get("/api/docs/openapi.json")), "POST", "/api/v1/auth/candidate", gone);
    }

    @Test
    void badExchangeRequestsAreProblems() {
        assertProblem(postJson("/api/v1/auth/candidate", "{\"invitationToken\":\"\"}"), 400);
        assertProblem(postJson("/api/v1/auth/candidate", "{\"invitationToken\": {\"$gt\": \"\"}}"), 400);
        assertProblem(postJson("/api/v1/auth/candidate", "{\"invitationToken\": 12"), 400);
        assertProblem(postJson("/api/v1/auth/candidate", "{\"invitationToken\":\"" + "t".repeat(600) + "\"}"), 400);
    }
}
