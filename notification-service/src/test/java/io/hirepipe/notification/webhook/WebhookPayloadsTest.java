package io.hirepipe.notification.webhook;

import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentStarted;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.QuestionRetired;
import io.hirepipe.notification.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;

import static io.hirepipe.notification.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

/** What receivers read for the events the flow tests do not cover. */
class WebhookPayloadsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WebhookPayloads payloads = new WebhookPayloads(WebhookTestProperties.withKey(null));

    private JsonNode body(Object payload) {
        WebhookPayloads.WebhookEvent event = payloads.of(envelope((io.hirepipe.contracts.events.EventPayload) payload,
                "tenant-1")).orElseThrow();
        JsonNode body = JSON.readTree(event.body());
        assertThat(body.path("type").asString()).isEqualTo(event.type());
        return body;
    }

    @Test
    void anAdjustmentOfAProvisionalResultSaysItIsStillProvisional() {
        JsonNode body = body(TestEvents.adjusted("ses-1", "rita@recruiting.example", Instant.parse("2026-03-01T11:00:00Z")));

        assertThat(body.path("type").asString()).isEqualTo("score.adjusted");
        JsonNode data = body.path("data");
        assertThat(data.path("status").asString()).isEqualTo("ADJUSTED_PROVISIONAL");
        assertThat(data.path("score").path("provisional").asBoolean()).isTrue();
        assertThat(data.path("score").path("points").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(data.path("adjustedAt").asString()).isEqualTo("2026-03-01T11:00:00Z");
        assertThat(data.path("resultUrl").asString()).isEqualTo("https://hirepipe.example/api/v1/results/ses-1");
        assertThat(body.toString()).doesNotContain("rita@", "ada@example.org", "explains shard keys");
    }

    @Test
    void finalisationIsFinal() {
        JsonNode data = body(new AssessmentFinalized("ses-2", "inv-2", "test-1", "Backend", new Person("Ada", "ada@x.org"),
                "rita@x.org", new BigDecimal("6.5"), 10, 65.0, 60, true, 1, 1, "rita@x.org",
                Instant.parse("2026-03-01T12:00:00Z"))).path("data");

        assertThat(data.path("status").asString()).isEqualTo("FINAL");
        assertThat(data.path("score").path("provisional").asBoolean()).isFalse();
        assertThat(data.path("score").path("reviewCount").asInt()).isZero();
        assertThat(data.path("score").path("passed").asBoolean()).isTrue();
        assertThat(data.toString()).doesNotContain("rita@");
    }

    @Test
    void startAndRevocationCarryTheirIds() {
        JsonNode started = body(new AssessmentStarted("inv-3", "ses-3", Instant.parse("2026-03-01T09:00:00Z"),
                Instant.parse("2026-03-01T09:45:00Z"))).path("data");
        assertThat(started.path("status").asString()).isEqualTo("STARTED");
        assertThat(started.path("deadline").asString()).isEqualTo("2026-03-01T09:45:00Z");

        JsonNode revoked = body(new InvitationRevoked("inv-4", "Position filled")).path("data");
        assertThat(revoked.path("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.path("invitationUrl").asString()).isEqualTo("https://hirepipe.example/api/v1/invitations/inv-4");
    }

    @Test
    void eventsNoSubscriberCanAskForMakeNoWebhook() {
        assertThat(payloads.of(envelope(new QuestionRetired("q-1", 2), "tenant-1"))).isEmpty();
    }
}
