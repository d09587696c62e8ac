package io.hirepipe.localstack;

import io.hirepipe.testkit.HttpApi;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** The gateway's aggregated OpenAPI document, once every service is in it. */
final class PublicApiDocument {

    private PublicApiDocument() {
    }

    /**
     * A service builds its description on the first request, which can take longer than the gateway waits (README: "ask
     * again"); an incomplete document is cached for 5 s. Tests that walk the operations need the whole one.
     */
    static JsonNode complete(HttpApi anonymous) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3))
                .until(() -> anonymous.get("/api/docs/openapi.json").expect(200), doc -> !doc.has("x-unavailable"));
    }
}
