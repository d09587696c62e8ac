package io.hirepipe.gateway;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a client can send but no server can read as meant: each gets a problem that names what is wrong,
 * never an empty or HTML error, and none reaches a service. Sent over a raw socket, as Java's HttpClient would
 * refuse to send most of them.
 */
class MalformedRequestsTest extends GatewayTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aQueryWithABrokenPercentEscapeIsA400ProblemAndTheConnectionCloses() throws IOException {
        int before = QUESTIONS.requestsTo("/api/tests").size();

        Answer answer = send("GET /api/v1/tests?cursor=%%% HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + acmeRecruiterToken() + "\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemType()).endsWith("/malformed-request");
        assertThat(answer.problem().get("detail").asString()).contains("percent-encoding");
        assertThat(answer.problem().get("correlationId").asString()).isNotBlank();
        assertThat(answer.head()).containsIgnoringCase("connection: close");
        assertThat(QUESTIONS.requestsTo("/api/tests")).hasSize(before);
    }

    @Test
    void aRequestLineTooLongToReadIsA414Problem() throws IOException {
        // Just over the 4 KB limit (see below)
        Answer answer = send("GET /api/v1/tests?q=" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.problemType()).endsWith("/uri-too-long");
    }

    @Test
    void headersTooLargeToReadAreA431Problem() throws IOException {
        // Just over the 8 KB limit: what the server has not read when it closes would reset the connection.
        Answer answer = send("GET /api/v1/tests HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(9_000)
                + "\r\n\r\n");

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.problemType()).endsWith("/headers-too-large");
    }

    @Test
    void aRequestThatIsNotHttpIsA400Problem() throws IOException {
        Answer answer = send("GET /api/v1/tests HTTP/9.x\r\nHost: localhost\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.problemType()).endsWith("/malformed-request");
    }

    @Test
    void aPathOrQueryThatIsNotUtf8IsRefusedAtTheEdgeWithAProblem() throws IOException {
        int before = QUESTIONS.requestsTo("/api/tests/%FF%FE").size() + QUESTIONS.requestsTo("/api/tests").size();

        for (String target : new String[]{"/api/v1/tests/%FF%FE", "/api/v1/tests?status=%C3", "/api/v1/tests?q=%E2%80"}) {
            Answer answer = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + acmeRecruiterToken() + "\r\nConnection: close\r\n\r\n");

            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.problemType()).as(target).endsWith("/rejected-request");
            assertThat(answer.problem().get("detail").asString()).as(target).contains("UTF-8");
        }
        assertThat(QUESTIONS.requestsTo("/api/tests/%FF%FE").size() + QUESTIONS.requestsTo("/api/tests").size())
                .isEqualTo(before);
    }

    @Test
    void validPercentEncodedUtf8StillReachesTheService() throws IOException {
        int before = QUESTIONS.requestsTo("/api/tests").size();

        Answer answer = send("GET /api/v1/tests?q=caf%C3%A9%20%E2%82%AC HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + acmeRecruiterToken() + "\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isLessThan(400);
        assertThat(QUESTIONS.requestsTo("/api/tests")).hasSize(before + 1);
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            // The gateway closes the connection after refusing (or when asked to): read to the end.
            return new Answer(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private record Answer(String raw) {

        int status() {
            return Integer.parseInt(raw.substring(9, 12));
        }

        String head() {
            return raw.substring(0, raw.indexOf("\r\n\r\n"));
        }

        JsonNode problem() {
            assertThat(head().toLowerCase()).contains("content-type: application/problem+json");
            return JSON.readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
        }

        String problemType() {
            return problem().get("type").asString();
        }
    }
}
