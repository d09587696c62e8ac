package io.hirepipe.notification.webhook;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.hirepipe.notification.webhook.WebhookDelivery.Status;
import io.hirepipe.testkit.Infra;
import io.hirepipe.testkit.TestInfrastructure;
import io.hirepipe.testkit.UsesInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lease on real MongoDB (the test kit's): dispatchers racing for due deliveries, as several
 * instances do, each get different ones; a lease that outlives its holder (a crash) lets another
 * take the delivery over, and the late holder's outcome is then ignored.
 */
@UsesInfrastructure(Infra.MONGO)
class DeliveryQueueTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static MongoClient client;
    private MongoTemplate template;
    private DeliveryQueue queue;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
    }

    /** A database of this test alone: claims look at every due delivery. */
    @BeforeEach
    void freshDatabase() {
        template = new MongoTemplate(client, "it-delivery-queue-" + UUID.randomUUID().toString().substring(0, 8));
        queue = new DeliveryQueue(template);
        queue.createIndexes();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static WebhookDelivery due(String subscription, String eventId) {
        return new WebhookDelivery("msg_" + UUID.randomUUID(), "tenant-1", subscription, eventId, "assessment.scored",
                "{}", Status.PENDING, 0, NOW, NOW.minusSeconds(1), Instant.EPOCH, null, null, null, null, null, null, null,
                true);
    }

    @Test
    void racingDispatchersNeverClaimTheSameAttempt() throws Exception {
        String subscription = "whk_" + UUID.randomUUID();
        for (int i = 0; i < 60; i++) {
            assertThat(queue.enqueue(due(subscription, "evt-" + i))).isTrue();
        }
        ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
        ExecutorService dispatchers = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        for (int d = 0; d < 8; d++) {
            String owner = "dispatcher-" + d;
            dispatchers.submit(() -> {
                go.await();
                Optional<WebhookDelivery> next;
                while ((next = queue.claimDue(NOW, NOW.plusSeconds(60), owner, List.of())).isPresent()) {
                    claimed.add(next.get().id());
                }
                return null;
            });
        }
        go.countDown();
        dispatchers.shutdown();
        assertThat(dispatchers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(claimed).hasSize(60).doesNotHaveDuplicates();
    }

    @Test
    void theSameEventForTheSameSubscriptionIsQueuedOnce() {
        String subscription = "whk_" + UUID.randomUUID();
        assertThat(queue.enqueue(due(subscription, "evt-once"))).isTrue();
        assertThat(queue.enqueue(due(subscription, "evt-once"))).isFalse();
        queue.enqueueAll(List.of(due(subscription, "evt-once"), due(subscription, "evt-other"),
                due("whk_another", "evt-once")));

        assertThat(queue.recent("tenant-1", subscription, null, null, 10)).extracting(WebhookDelivery::eventId)
                .containsExactlyInAnyOrder("evt-once", "evt-other");
        assertThat(queue.recent("tenant-1", "whk_another", null, null, 10)).extracting(WebhookDelivery::eventId)
                .containsExactly("evt-once");
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheStaleHoldersOutcomeIgnored() {
        String subscription = "whk_" + UUID.randomUUID();
        queue.enqueue(due(subscription, "evt-crash"));
        List<String> busyNone = new ArrayList<>();

        WebhookDelivery first = queue.claimDue(NOW, NOW.plusSeconds(60), "crashed", busyNone).orElseThrow();
        assertThat(queue.claimDue(NOW.plusSeconds(30), NOW.plusSeconds(90), "other", busyNone)).isEmpty();

        Instant afterLease = NOW.plus(Duration.ofSeconds(61));
        WebhookDelivery takenOver = queue.claimDue(afterLease, afterLease.plusSeconds(60), "other", busyNone)
                .orElseThrow();
        assertThat(takenOver.id()).isEqualTo(first.id());
        assertThat(takenOver.attempts()).isEqualTo(2);

        assertThat(queue.finish(first, new Update().set("status", Status.FAILED))).as("stale holder").isFalse();
        assertThat(queue.finish(takenOver, new Update().set("status", Status.SUCCEEDED))).isTrue();
        assertThat(queue.find("tenant-1", subscription, first.id()).orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
    }

    /** The claim asks for awaitingAttempt: it must be on every delivery that waits and on none that ended. */
    @Test
    void onlyDeliveriesAwaitingAnAttemptHoldTheFieldTheClaimAsksFor() {
        String subscription = "whk_" + UUID.randomUUID();
        // due in this order, so claims take them in this order
        queue.enqueueAll(List.of(dueSince(subscription, "evt-ok", 30), dueSince(subscription, "evt-fail", 20),
                dueSince(subscription, "evt-retry", 10)));
        assertThat(queue.countAwaiting()).isEqualTo(3);

        assertThat(queue.end(claim("evt-ok"), Status.SUCCEEDED, new Update())).isTrue();
        assertThat(queue.end(claim("evt-fail"), Status.FAILED, new Update().set("lastError", "HTTP 500"))).isTrue();
        assertThat(queue.finish(claim("evt-retry"), new Update().set("nextAttemptAt", NOW.minusSeconds(1)))).isTrue();
        assertThat(awaiting(subscription)).containsExactly("evt-retry");
        assertThat(queue.countAwaiting()).isEqualTo(1);
        assertThat(queue.claimDue(NOW, NOW.plusSeconds(60), "d", List.of())).map(WebhookDelivery::eventId)
                .as("a retry is claimed again").contains("evt-retry");

        queue.enqueue(dueSince(subscription, "evt-cancelled", 5));
        assertThat(queue.failPending(subscription, "The subscription was deleted")).isEqualTo(2);
        assertThat(awaiting(subscription)).isEmpty();
        assertThat(queue.countAwaiting()).isZero();
        Instant muchLater = NOW.plusSeconds(600);
        assertThat(queue.claimDue(muchLater, muchLater.plusSeconds(60), "d", List.of())).isEmpty();

        String failed = queue.recent("tenant-1", subscription, Status.FAILED, null, 10).stream()
                .filter(d -> d.eventId().equals("evt-fail")).findFirst().orElseThrow().id();
        assertThat(queue.redeliver("tenant-1", subscription, failed, NOW)).isTrue();
        assertThat(awaiting(subscription)).containsExactly("evt-fail");
        assertThat(queue.claimDue(NOW, NOW.plusSeconds(60), "d", List.of())).map(WebhookDelivery::eventId)
                .contains("evt-fail");
    }

    /** Deliveries queued by a version before awaitingAttempt are marked at start-up, so none is left unclaimed. */
    @Test
    void pendingDeliveriesOfAnEarlierVersionAreMarkedAndClaimed() {
        String subscription = "whk_" + UUID.randomUUID();
        queue.enqueueAll(List.of(dueSince(subscription, "evt-done", 20), dueSince(subscription, "evt-old", 10)));
        queue.end(claim("evt-done"), Status.SUCCEEDED, new Update());
        template.updateMulti(new Query(), new Update().unset(WebhookDelivery.AWAITING_ATTEMPT), WebhookDelivery.class);
        assertThat(queue.claimDue(NOW, NOW.plusSeconds(60), "d", List.of())).as("before marking").isEmpty();

        assertThat(queue.markAwaitingDeliveries()).isEqualTo(1);
        assertThat(awaiting(subscription)).containsExactly("evt-old");
        assertThat(queue.claimDue(NOW, NOW.plusSeconds(60), "d", List.of())).map(WebhookDelivery::eventId)
                .contains("evt-old");
    }

    private static WebhookDelivery dueSince(String subscription, String eventId, int secondsAgo) {
        WebhookDelivery d = due(subscription, eventId);
        return new WebhookDelivery(d.id(), d.tenantId(), d.subscriptionId(), d.eventId(), d.type(), d.body(), d.status(),
                0, NOW, NOW.minusSeconds(secondsAgo), Instant.EPOCH, null, null, null, null, null, null, null, true);
    }

    /** Claims the next due delivery, which must be the one of {@code eventId}. */
    private WebhookDelivery claim(String eventId) {
        WebhookDelivery claimed = queue.claimDue(NOW, NOW.plusSeconds(60), "d", List.of()).orElseThrow();
        assertThat(claimed.eventId()).isEqualTo(eventId);
        return claimed;
    }

    /** The event ids of the subscription's deliveries that hold awaitingAttempt, as stored. */
    private List<String> awaiting(String subscription) {
        return template.find(Query.query(Criteria.where("subscriptionId").is(subscription)
                        .and(WebhookDelivery.AWAITING_ATTEMPT).exists(true)), WebhookDelivery.class).stream()
                .map(WebhookDelivery::eventId).toList();
    }

    @Test
    void aBusySubscriptionIsSkippedSoOthersAreServed() {
        String busy = "whk_busy_" + UUID.randomUUID();
        String idle = "whk_idle_" + UUID.randomUUID();
        queue.enqueue(due(busy, "evt-b"));
        queue.enqueue(due(idle, "evt-i"));

        WebhookDelivery next = queue.claimDue(NOW, NOW.plusSeconds(60), "d", List.of(busy)).orElseThrow();
        assertThat(next.subscriptionId()).isEqualTo(idle);
    }
}
