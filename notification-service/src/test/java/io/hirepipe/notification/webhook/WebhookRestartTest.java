package io.hirepipe.notification.webhook;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.notification.NotificationInstance;
import io.hirepipe.notification.TestEvents;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.hirepipe.notification.TestEvents.envelope;
import static io.hirepipe.notification.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notification-service stopped with deliveries waiting for their retry, and events published while
 * it is down: the next instance (same MongoDB, same Kafka group) delivers every one exactly once.
 */
class WebhookRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final EventTopics kafka = EventTopics.shared();
    private final NotificationInstance instances = new NotificationInstance();

    private ConfigurableApplicationContext start() {
        return instances.start(TestInfrastructure.smtp().port(),
                "--hirepipe.webhooks.retry-schedule=1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s",
                "--hirepipe.webhooks.poll-interval=100ms",
                "--hirepipe.webhooks.lease=10s",
                "--hirepipe.webhooks.request-timeout=2s",
                "--hirepipe.webhooks.connect-timeout=1s");
    }

    private static HttpApi api(ConfigurableApplicationContext context, String tenant) {
        return NotificationInstance.api(context, tenant);
    }

    @Test
    void deliveriesPendingAtShutdownAndEventsPublishedWhileDownAreEachDeliveredOnce() throws Exception {
        String tenant = id("tenant");
        try (Receiver receiver = Receiver.answering(503)) {
            String subscription;
            List<String> published = new ArrayList<>();
            try (ConfigurableApplicationContext first = start()) {
                subscription = Webhooks.subscribe(api(first, tenant), receiver.url(), "assessment.scored")
                        .path("id").asString();
                for (int i = 0; i < 5; i++) {
                    published.add(kafka.publish(scored(tenant)).toString());
                }
                HttpApi api = api(first, tenant);
                await().atMost(WAIT).until(() -> {
                    List<JsonNode> all = deliveries(api, subscription);
                    return all.size() == 5 && all.stream().allMatch(d -> d.path("attempts").asInt() >= 1
                            && d.path("status").asString().equals("PENDING"));
                });
            }
            int failedBeforeRestart = receiver.requests().size();
            kafka.publish(scored(tenant));
            kafka.publish(scored(tenant));
            receiver.answer(n -> 200);

            try (ConfigurableApplicationContext second = start()) {
                HttpApi api = api(second, tenant);
                await().atMost(WAIT).until(() -> {
                    List<JsonNode> all = deliveries(api, subscription);
                    return all.size() == 7 && all.stream().allMatch(d -> d.path("status").asString().equals("SUCCEEDED"));
                });
                List<Receiver.Request> afterRestart = receiver.requests().subList(failedBeforeRestart,
                        receiver.requests().size());
                Map<String, Long> perWebhookId = afterRestart.stream()
                        .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
                assertThat(perWebhookId).as("seven deliveries, each received once after the restart").hasSize(7)
                        .allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
                assertThat(deliveries(api, subscription)).extracting(d -> d.path("id").asString())
                        .containsExactlyInAnyOrderElementsOf(perWebhookId.keySet());
            }
        }
    }

    private static EventEnvelope<AssessmentScored> scored(String tenant) {
        return envelope(TestEvents.scored("Ada Lovelace", "rita@recruiting.example", SubmitReason.CANDIDATE), tenant);
    }

    private static List<JsonNode> deliveries(HttpApi api, String subscription) {
        return new ArrayList<>(api.get("/api/notifications/webhooks/" + subscription + "/deliveries").expect(200)
                .get("items").values());
    }
}
