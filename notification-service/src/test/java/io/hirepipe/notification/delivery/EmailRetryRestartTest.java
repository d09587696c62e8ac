package io.hirepipe.notification.delivery;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.embedded.SmtpSink;
import io.hirepipe.notification.NotificationInstance;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HeldPort;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static io.hirepipe.notification.TestEvents.envelope;
import static io.hirepipe.notification.TestEvents.id;
import static io.hirepipe.notification.TestEvents.invitation;
import static io.hirepipe.notification.TestEvents.mailbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The SMTP server is down, notification-service stops with emails waiting for their retry, and only then
 * does the SMTP server come back: the next instance sends each waiting email exactly once. Kafka has long
 * committed those events, so only the delivery log can have kept them.
 */
class EmailRetryRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String[] FAST_RETRIES = {"--hirepipe.mail.retry.initial-delay=200ms",
            "--hirepipe.mail.retry.max-delay=500ms", "--hirepipe.mail.retry.poll-interval=100ms"};

    private final EventTopics kafka = EventTopics.shared();
    private final NotificationInstance instances = new NotificationInstance();

    @Test
    void emailsWaitingWhenTheServiceStopsAreSentOnceByTheNextInstance() {
        String tenant = id("tenant");
        List<String> candidates = List.of(mailbox("first"), mailbox("second"), mailbox("third"));
        // Held, not just found free: while the SMTP server is down, another connection could take the port. The
        // sink listens on it alongside the hold (SO_REUSEADDR).
        try (HeldPort smtpDown = HeldPort.any()) {
            int smtpPort = smtpDown.port();
            try (ConfigurableApplicationContext first = instances.start(smtpPort, FAST_RETRIES)) {
                for (String candidate : candidates) {
                    EventEnvelope<InvitationCreated> event = envelope(invitation("Ada", candidate,
                            "https://h.example/t/r"), tenant);
                    kafka.publish(event);
                }
                HttpApi api = NotificationInstance.api(first, tenant);
                await().atMost(WAIT).until(() -> deliveries(api).size() == 3 && deliveries(api).stream().allMatch(
                        d -> d.path("status").asString().equals("RETRYING") && d.path("attempts").asInt() >= 2));
            }

            try (SmtpSink smtp = SmtpSink.start(smtpPort, null);
                 ConfigurableApplicationContext second = instances.start(smtpPort, FAST_RETRIES)) {
                HttpApi api = NotificationInstance.api(second, tenant);
                await().atMost(WAIT).until(() -> deliveries(api).stream()
                        .allMatch(d -> d.path("status").asString().equals("SENT")));

                for (String candidate : candidates) {
                    assertThat(smtp.messages().stream().filter(m -> m.isAddressedTo(candidate))).as(candidate)
                            .hasSize(1);
                }
                // (A new consumer group also reads older tests' events from the shared topics, so the sink may
                // hold other mail; only this test's candidates are counted.)
            }
        }
    }

    private static List<JsonNode> deliveries(HttpApi api) {
        return List.copyOf(api.get("/api/notifications/emails").expect(200).get("items").values());
    }
}
