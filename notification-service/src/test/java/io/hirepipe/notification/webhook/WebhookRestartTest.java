package io.hirepipe.notification.webhook;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.notification.NotificationServiceApplication;
import io.hirepipe.notification.TestLinkKeys;
import io.hirepipe.notification.TestEvents;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.TestGatewayKeys;
import io.hirepipe.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    private final String database = "it-webhooks-restart-" + UUID.randomUUID().toString().substring(0, 8);
    private final String group = "webhooks-restart-" + UUID.randomUUID().toString().substring(0, 8);

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(NotificationServiceApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--spring.mongodb.uri=" + TestInfrastructure.mongo().connectionString(),
                "--spring.mongodb.database=" + database,
                "--spring.mail.host=" + TestInfrastructure.smtp().host(),
                "--spring.mail.port=" + TestInfrastructure.smtp().port(),
                "--hirepipe.security.internal-token.secret=" + TestInfrastructure.INTERNAL_TOKEN_SECRET,
                "--hirepipe.security.internal-token.jwk-set-uri=" + TestGatewayKeys.jwkSetUri(),
                "--hirepipe.webhooks.consumer-group=" + group,
                "--hirepipe.webhooks.secrets-key=dGVzdC1vbmx5LXdlYmhvb2stc2VjcmV0cy1rZXktMzItYnl0ZXMhIQ==",
                "--hirepipe.invitation-link.private-key=" + TestLinkKeys.privateJwk(),
                "--hirepipe.webhooks.allow-insecure-loopback=true",
                "--hirepipe.webhooks.retry-schedule=1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s,1s",
                "--hirepipe.webhooks.poll-interval=100ms",
                "--hirepipe.webhooks.lease=10s",
                "--hirepipe.webhooks.request-timeout=2s",
                "--hirepipe.webhooks.connect-timeout=1s");
    }

    private static HttpApi api(ConfigurableApplicationContext context, String tenant) {
        String port = context.getEnvironment().getProperty("local.server.port");
        // Signs as the gateway would, with the test kit's stand-in for its key.
        InternalTokenIssuer gateway = new InternalTokenIssuer(InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()),
                "hirepipe", Duration.ofSeconds(60), Clock.systemUTC());
        return HttpApi.at("http://127.0.0.1:" + port).withBearer(
                gateway.issue(Caller.recruiter(tenant, "user-1", "rita@recruiting.example"), "notification-service"));
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
