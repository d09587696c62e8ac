package io.hirepipe.gateway;

import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "502 Connection prematurely closed BEFORE response" on a candidate's submit: the gateway reused a
 * pooled connection just as the service closed it for being idle. The backend here closes idle
 * connections after one second and loses that race every time.
 */
class PooledConnectionRaceTest extends EdgeTestSupport {

    @Test
    void aClientThatKeepsIdleConnectionsLongerThanTheServiceHitsThePrematureClose() throws Exception {
        try (IdleClosingBackend backend = IdleClosingBackend.start(BACKEND_KEEP_ALIVE)) {
            ConnectionProvider keepsIdleConnections = ConnectionProvider.builder("no-idle-limit").maxConnections(1).build();
            HttpClient client = HttpClient.create(keepsIdleConnections).baseUrl(backend.uri().toString());
            try {
                assertThat(post(client)).isEqualTo(200);
                idleLongerThanTheBackendKeepsConnections();

                assertThatThrownBy(() -> post(client))
                        .hasRootCauseInstanceOf(PrematureCloseException.class)
                        .rootCause().hasMessageContaining("BEFORE response");
                assertThat(backend.closedOnArrival()).isEqualTo(1);
            } finally {
                keepsIdleConnections.disposeLater().block(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void theGatewayDropsIdleConnectionsBeforeTheServiceDoesSoASubmitAfterAPauseSucceeds() throws Exception {
        String recruiter = globexRecruiterToken();
        int closedBefore = ASSESSMENT_BACKEND.closedOnArrival();
        int answeredBefore = ASSESSMENT_BACKEND.answered();

        HttpResponse<String> first = postJson("/api/invitations/inv-race/revoke", "{}", "Authorization", bearer(recruiter));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        idleLongerThanTheBackendKeepsConnections();
        HttpResponse<String> afterPause = postJson("/api/invitations/inv-race/revoke", "{}", "Authorization",
                bearer(recruiter));

        assertThat(afterPause.statusCode()).as(afterPause.body()).isEqualTo(200);
        assertThat(ASSESSMENT_BACKEND.answered()).as("both reached the idle-closing backend").isEqualTo(answeredBefore + 2);
        assertThat(ASSESSMENT_BACKEND.closedOnArrival()).as("no request was sent on a connection the backend dropped")
                .isEqualTo(closedBefore);
    }

    /** The one wait the scenario needs: a connection idle past the backend's keep-alive. */
    private static void idleLongerThanTheBackendKeepsConnections() throws InterruptedException {
        Thread.sleep(BACKEND_KEEP_ALIVE.toMillis() + 300);
    }

    private static int post(HttpClient client) {
        return client.post().uri("/api/candidate/assessment/submit")
                .send(reactor.netty.ByteBufFlux.fromString(reactor.core.publisher.Mono.just("{}")))
                .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                        .map(ignored -> response.status().code()))
                .block(Duration.ofSeconds(5));
    }
}
