package io.hirepipe.gateway;

import io.hirepipe.testkit.VerboseLogging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator chasing a problem turns Spring's HTTP codecs to DEBUG or TRACE: they then log every body the
 * gateway reads and writes by its {@code toString()}, which for a record prints every component. The sign-in's
 * password, the tokens it hands out and an invitation token traded for a candidate token must still not be there.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInDebugLogTest extends GatewayTestSupport {

    private static final List<String> CODEC_LOGGERS = List.of("org.springframework.http.codec",
            "org.springframework.web.HttpLogging");
    private static final List<String> CLIENT_LOGGERS = List.of("org.springframework.http.codec",
            "org.springframework.web.HttpLogging", "org.springframework.web.reactive.function.client",
            "reactor.netty.http.client");

    @Test
    void bodiesLoggedByTheCodecsHoldNoPasswordAndNoToken(CapturedOutput output) {
        JsonNode login;
        JsonNode refreshed;
        String invitationToken = "it_" + UUID.randomUUID();
        try (VerboseLogging verbose = VerboseLogging.at(LogLevel.TRACE, CODEC_LOGGERS)) {
            HttpResponse<String> signedIn = postJson("/api/v1/auth/login",
                    "{\"email\":\"" + ACME_RECRUITER + "\",\"password\":\"" + ACME_PASSWORD + "\"}");
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
            login = json(signedIn);
            HttpResponse<String> refresh = postJson("/api/v1/auth/refresh",
                    "{\"refreshToken\":\"" + login.get("refreshToken").asString() + "\"}");
            assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(200);
            refreshed = json(refresh);
            // an invitation token nobody issued: refused, but read (and so logged) first
            postJson("/api/v1/auth/candidate", "{\"invitationToken\":\"" + invitationToken + "\"}");
        }

        assertThat(output).as("the codecs logged the bodies").contains("Decoded [LoginRequest", "Encoding [LoginResponse");
        assertThat(output).doesNotContain(ACME_PASSWORD)
                .doesNotContain(login.get("token").asString())
                .doesNotContain(login.get("refreshToken").asString())
                .doesNotContain(refreshed.get("token").asString())
                .doesNotContain(refreshed.get("refreshToken").asString())
                .doesNotContain(invitationToken);
    }

    /**
     * The gateway's own calls to services go through WebClient, whose exchange, codec and HTTP client loggers print
     * what goes out and comes back: here an invitation token, the gateway's internal token, and a gone invitation's
     * answer naming the recruiter to contact.
     */
    @Test
    void aCallToAServiceLogsNeitherTheTokensItSendsNorTheAddressItReads(CapturedOutput output) {
        String invitationToken = "it_" + UUID.randomUUID();
        String contact = "rita.contact-" + UUID.randomUUID() + "@acme.test";
        ASSESSMENTS.reply("/internal/invitations/redeem", request -> StubService.Reply.problem(410,
                "{\"status\":410,\"title\":\"Gone\",\"detail\":\"This assessment was already submitted.\","
                        + "\"invitationStatus\":\"SUBMITTED\",\"contactEmail\":\"" + contact + "\"}"));
        try (VerboseLogging verbose = VerboseLogging.at(LogLevel.TRACE, CLIENT_LOGGERS)) {
            assertProblem(postJson("/api/v1/auth/candidate", "{\"invitationToken\":\"" + invitationToken + "\"}"),
                    410);
        }

        assertThat(output).as("WebClient logged the call").contains("/internal/invitations/redeem");
        assertThat(output.toString()).doesNotContain(invitationToken).doesNotContainIgnoringCase(contact)
                .doesNotContain("Bearer ey");
    }

    @Test
    void theAuditExportLoggedByTheCodecsHoldsNoEmail(CapturedOutput output) throws InterruptedException {
        String token = acmeRecruiterToken();
        try (VerboseLogging verbose = VerboseLogging.at(LogLevel.TRACE, CODEC_LOGGERS)) {
            // each export is audited under the recruiter's email: a later one lists an earlier one's entry
            String csv = "";
            for (int i = 0; i < 50 && !csv.toLowerCase().contains(ACME_RECRUITER.toLowerCase()); i++) {
                HttpResponse<String> export = get("/api/v1/audit/export.csv?action=audit.exported", "Authorization",
                        bearer(token));
                assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
                csv = export.body();
                Thread.sleep(100);
            }
            assertThat(csv).containsIgnoringCase(ACME_RECRUITER);
        }

        assertThat(output.toString()).doesNotContainIgnoringCase(ACME_RECRUITER);
    }
}
