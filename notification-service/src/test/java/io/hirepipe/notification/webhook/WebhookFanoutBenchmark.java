package io.hirepipe.notification.webhook;

import com.sun.net.httpserver.HttpServer;
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

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.hirepipe.notification.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fan-out benchmark, not part of {@code verify} (the class name does not match Surefire's test
 * patterns). Run it with:
 *
 * <pre>
 * ./mvnw -B -ntp -pl notification-service -am test -Dtest=WebhookFanoutBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * notification-service runs in this JVM with its production delivery settings (8 workers, 4 per
 * subscription, 10 s timeout) against the test kit's Kafka and MongoDB; three subscriptions point at
 * three loopback receivers answering 204. After a warm-up, 1,000 AssessmentScored events are
 * published back to back. For each (event, subscription) the latency is the receiver's arrival time
 * of the first attempt minus the instant just before that event's publish call, on the same
 * monotonic clock. Figures go to stdout and target/webhook-fanout-benchmark.txt.
 */
class WebhookFanoutBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.events", 1000);
    private static final int WARM_UP = 100;
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([^\"]+)\"");
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

    @Test
    void fanOutOfScoredEventsToThreeSubscriptions() throws Exception {
        String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<ArrivalRecorder> receivers = List.of(new ArrivalRecorder(), new ArrivalRecorder(), new ArrivalRecorder());
        EventTopics kafka = EventTopics.shared();
        try (ConfigurableApplicationContext service = start()) {
            HttpApi api = HttpApi.at("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"))
                    .withBearer(new InternalTokenIssuer(InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()),
                            "hirepipe", Duration.ofSeconds(60), Clock.systemUTC())
                            .issue(Caller.platform(tenant, "bench-key"), "notification-service",
                                    List.of("webhooks:manage", "results:read")));
            for (ArrivalRecorder receiver : receivers) {
                Webhooks.subscribe(api, receiver.url(), "assessment.scored");
            }

            Map<String, Long> warmUp = publish(kafka, tenant, WARM_UP);
            awaitAll(receivers, warmUp.keySet());

            Map<String, Long> publishedAt = publish(kafka, tenant, EVENTS);
            long publishStart = publishedAt.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            long publishEnd = publishedAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            awaitAll(receivers, publishedAt.keySet());

            List<Long> latencies = new ArrayList<>();
            long lastArrival = 0;
            for (ArrivalRecorder receiver : receivers) {
                for (Map.Entry<String, Long> published : publishedAt.entrySet()) {
                    long arrived = receiver.firstArrival.get(published.getKey());
                    latencies.add(arrived - published.getValue());
                    lastArrival = Math.max(lastArrival, arrived);
                }
                assertThat(receiver.duplicates.get()).as("no event delivered twice").isZero();
            }
            latencies.sort(Long::compare);
            List<Long> toQueued = new ArrayList<>();
            List<Long> queuedToAttempt = new ArrayList<>();
            for (WebhookDelivery d : service.getBean(org.springframework.data.mongodb.core.MongoTemplate.class)
                    .findAll(WebhookDelivery.class)) {
                if (publishedAt.containsKey(d.eventId())) {
                    java.time.Instant occurred = java.time.Instant.parse(TIMESTAMP.matcher(d.body()).results()
                            .findFirst().orElseThrow().group(1));
                    toQueued.add(Duration.between(occurred, d.createdAt()).toNanos());
                    queuedToAttempt.add(Duration.between(d.createdAt(), d.lastAttemptAt()).toNanos());
                }
            }
            toQueued.sort(Long::compare);
            queuedToAttempt.sort(Long::compare);
            String report = """
                    Webhook fan-out benchmark: %d AssessmentScored events x 3 subscriptions = %d deliveries
                    publishing took %d ms (%.0f events/s); last first-attempt %d ms after the first publish
                    event publish -> first delivery attempt: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms
                    of which event occurredAt -> delivery queued (Kafka + fan-out): p50 %d ms, p99 %d ms
                    and delivery queued -> attempt claimed (dispatcher): p50 %d ms, p99 %d ms
                    system load average at the end: %.1f on %d cores (other builds on the machine count too)
                    """.formatted(EVENTS, latencies.size(), ms(publishEnd - publishStart),
                    EVENTS * 1000.0 / Math.max(1, ms(publishEnd - publishStart)), ms(lastArrival - publishStart),
                    ms(percentile(latencies, 50)), ms(percentile(latencies, 90)), ms(percentile(latencies, 99)),
                    ms(latencies.get(latencies.size() - 1)), ms(percentile(toQueued, 50)),
                    ms(percentile(toQueued, 99)), ms(percentile(queuedToAttempt, 50)),
                    ms(percentile(queuedToAttempt, 99)),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println(report);
            Files.writeString(Path.of("target", "webhook-fanout-benchmark.txt"), report);
        } finally {
            receivers.forEach(ArrivalRecorder::close);
        }
    }

    private static Map<String, Long> publish(EventTopics kafka, String tenant, int count) {
        Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            EventEnvelope<AssessmentScored> event = envelope(
                    TestEvents.scored("Ada Lovelace", "rita@bench.example", SubmitReason.CANDIDATE), tenant);
            publishedAt.put(event.eventId(), System.nanoTime());
            kafka.publish(event);
        }
        return publishedAt;
    }

    private static void awaitAll(List<ArrivalRecorder> receivers, java.util.Set<String> eventIds) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() ->
                receivers.stream().allMatch(r -> r.firstArrival.keySet().containsAll(eventIds)));
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(NotificationServiceApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--spring.mongodb.uri=" + TestInfrastructure.mongo().connectionString(),
                "--spring.mongodb.database=bench-" + UUID.randomUUID().toString().substring(0, 8),
                "--spring.mail.host=" + TestInfrastructure.smtp().host(),
                "--spring.mail.port=" + TestInfrastructure.smtp().port(),
                "--hirepipe.security.internal-token.secret=" + TestInfrastructure.INTERNAL_TOKEN_SECRET,
                "--hirepipe.security.internal-token.jwk-set-uri=" + TestGatewayKeys.jwkSetUri(),
                "--hirepipe.webhooks.consumer-group=webhooks-bench-" + UUID.randomUUID().toString().substring(0, 8),
                "--hirepipe.webhooks.secrets-key=dGVzdC1vbmx5LXdlYmhvb2stc2VjcmV0cy1rZXktMzItYnl0ZXMhIQ==",
                "--hirepipe.invitation-link.private-key=" + TestLinkKeys.privateJwk(),
                "--hirepipe.webhooks.allow-insecure-loopback=true",
                "--logging.level.io.hirepipe=WARN");
    }

    /** A loopback receiver that notes when each event's first attempt arrived. */
    private static final class ArrivalRecorder implements AutoCloseable {

        final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
        final AtomicInteger duplicates = new AtomicInteger();
        private final HttpServer server;

        ArrivalRecorder() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/", exchange -> {
                long now = System.nanoTime();
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Matcher m = EVENT_ID.matcher(body);
                if (m.find() && firstArrival.putIfAbsent(m.group(1), now) != null) {
                    duplicates.incrementAndGet();
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
