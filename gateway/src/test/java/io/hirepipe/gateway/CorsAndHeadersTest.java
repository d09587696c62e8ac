package io.hirepipe.gateway;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS closed except for configured origins, headers sent once, and operator endpoints off the public port. */
class CorsAndHeadersTest extends EdgeTestSupport {

    @Test
    void anAllowListedOriginsPreflightIsAnsweredWithoutCredentials() {
        HttpResponse<String> preflight = send(request("/api/questions/q-1")
                .header("Origin", PARTNER_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PARTNER_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("GET"));
    }

    @Test
    void anyOtherOriginIsRefusedWithAProblem() {
        HttpResponse<String> preflight = send(request("/api/questions/q-1")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> simple = get("/api/questions/q-1", "Origin", "https://evil.example",
                "Authorization", bearer(acmeRecruiterToken()));

        JsonNode problem = assertProblem(preflight, 403);
        assertThat(problem.get("type").asString()).endsWith("/cors-origin-not-allowed");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertProblem(simple, 403);
    }

    @Test
    void problemsAnsweredBeforeSecurityRunsAreNeitherSniffedNorCached() {
        HttpResponse<String> tooLarge = send(request("/api/v1/questions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2_000_000])));
        HttpResponse<String> rejectedPath = get("/api/v1/questions/%2e%2e/api-keys");
        HttpResponse<String> otherOrigin = get("/api/v1/questions", "Origin", "https://evil.example");

        for (HttpResponse<String> response : java.util.List.of(tooLarge, rejectedPath, otherOrigin)) {
            assertThat(response.statusCode()).isBetween(400, 499);
            assertThat(response.headers().allValues("X-Content-Type-Options")).as(response.uri().toString())
                    .containsExactly("nosniff");
            assertThat(response.headers().firstValue("Cache-Control")).as(response.uri().toString())
                    .hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
        }
        // Where security's own header writer runs as well, each header still comes once.
        HttpResponse<String> unauthenticated = get("/api/v1/questions");
        assertThat(unauthenticated.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(unauthenticated.headers().allValues("Cache-Control")).hasSize(1);
    }

    @Test
    void theWebAppsOwnOriginNeedsNoCors() {
        String token = bearer(acmeRecruiterToken());
        HttpResponse<String> sameOrigin = get("/api/questions/q-1", "Origin", "http://localhost:" + port,
                "Authorization", token);
        // Behind a TLS-terminating proxy: the browser's origin is https on the default port, and the proxy
        // forwards the Host it was sent, which names no port; the gateway itself sees plain http.
        RawResponse behindTlsProxy = getWithHost("localhost", "/api/questions/q-1", "Origin: https://localhost",
                "Authorization: " + token);
        RawResponse explicitDefaultPort = getWithHost("localhost:443", "/api/questions/q-1",
                "Origin: https://localhost", "Authorization: " + token);

        assertThat(sameOrigin.statusCode()).isEqualTo(200);
        assertThat(behindTlsProxy.status()).as(behindTlsProxy.raw()).isEqualTo(200);
        assertThat(explicitDefaultPort.status()).as(explicitDefaultPort.raw()).isEqualTo(200);
    }

    @Test
    void anotherPortOfTheSameHostIsAnotherOrigin() {
        String token = bearer(acmeRecruiterToken());
        // Another app on this host, e.g. a dev server on another port: not the gateway's origin, not allow-listed.
        HttpResponse<String> otherPort = get("/api/questions/q-1", "Origin", "http://localhost:" + (port + 1),
                "Authorization", token);
        HttpResponse<String> preflight = send(request("/api/questions/q-1")
                .header("Origin", "http://localhost:" + (port + 1))
                .header("Access-Control-Request-Method", "DELETE")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        // Behind a proxy: the site is https://localhost (443); an origin naming another port is not it.
        RawResponse behindTlsProxy = getWithHost("localhost", "/api/questions/q-1",
                "Origin: https://localhost:8443", "Authorization: " + token);
        RawResponse httpOnDefaultPortOfTheOther = getWithHost("localhost", "/api/questions/q-1",
                "Origin: http://localhost:" + port, "Authorization: " + token);

        assertThat(assertProblem(otherPort, 403).get("type").asString()).endsWith("/cors-origin-not-allowed");
        assertThat(otherPort.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertProblem(preflight, 403);
        assertThat(behindTlsProxy.status()).as(behindTlsProxy.raw()).isEqualTo(403);
        assertThat(behindTlsProxy.raw()).contains("cors-origin-not-allowed");
        assertThat(httpOnDefaultPortOfTheOther.status()).as(httpOnDefaultPortOfTheOther.raw()).isEqualTo(403);
    }

    @Test
    void aProxiedResponseCarriesTheCorrelationIdOnceEvenWhenTheServiceEchoesIt() {
        HttpResponse<String> response = get("/api/results/s-9", "Authorization", bearer(globexRecruiterToken()),
                "X-Correlation-Id", "once-please-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("once-please-1");
        assertThat(response.headers().allValues("X-Content-Type-Options")).hasSizeLessThanOrEqualTo(1);
        assertThat(response.headers().allValues("X-Frame-Options")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void metricsAndHealthDetailsAreOnlyOnTheManagementPort() {
        assertThat(get("/actuator/prometheus", "Accept", "text/plain").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(404);
        HttpResponse<String> ready = get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).doesNotContain("circuitBreakers");
        assertThat(get("/livez").statusCode()).isEqualTo(200);

        assertThat(management("/actuator/prometheus")).contains("resilience4j_circuitbreaker_state");
        assertThat(management("/actuator/health")).contains("circuitBreakers");
    }
}
