package io.hirepipe.defaults.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events waiting in {@link Outbox} fields to Kafka, in the order they were appended,
 * and removes each one only after Kafka acknowledged it. A crash between the two republishes the
 * event on the next pass: delivery is at least once, and consumers are idempotent by event id.
 *
 * <p>Several instances may run: a document is leased with an atomic find-and-modify before its
 * events are sent, so two relays do not interleave one document's events. Lease expiry is judged by
 * each relay's own clock, so clocks that disagree can let a second relay take over early; the lease
 * carries a random token and every change the relay then makes names it, so the relay that lost the
 * lease changes nothing more and stops (at worst it published an event twice, which consumers absorb).
 *
 * <p>An event Kafka can never take (larger than the producer or broker allows, say) is parked: moved
 * to {@value Outbox#PARKED_COLLECTION} with the reason, counted in {@code hirepipe.outbox.parked}, logged
 * as an error, and the relay goes on with the events after it. Retrying it would block every event
 * behind it forever.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<Object, Object> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    /** Per collection, from start-up, so the alert's series exists before anything is parked. */
    private final Map<String, Counter> parked = new HashMap<>();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<Object, Object> kafka, OutboxProperties properties,
                       MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("hirepipe.outbox.published")
                .description("Events the outbox relay published to Kafka").register(meters);
        this.failures = Counter.builder("hirepipe.outbox.failures")
                .description("Outbox publication attempts that failed and will be retried").register(meters);
        for (String collection : properties.collections()) {
            parked.put(collection, parkedCounter(meters, collection));
        }
    }

    @Override
    public void start() {
        if (properties.collections().isEmpty() || running) {
            return;
        }
        properties.collections().forEach(this::ensurePendingIndex);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::publishQuietly, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the Kafka producer and Mongo client close. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    /**
     * Publishes everything pending now, on the caller's thread.
     *
     * @return how many events were published
     */
    public int publishPending() {
        int count = 0;
        for (String collection : properties.collections()) {
            count += publishPending(mongo.getCollection(collection));
        }
        return count;
    }

    private void publishQuietly() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            log.warn("Outbox relay pass failed; will retry: {}", e.toString());
        }
    }

    private int publishPending(MongoCollection<Document> collection) {
        int count = 0;
        Document leased;
        while ((leased = leaseNext(collection)) != null) {
            int sent = publish(collection, leased);
            if (sent < 0) {
                return count;
            }
            count += sent;
        }
        return count;
    }

    private Document leaseNext(MongoCollection<Document> collection) {
        Instant now = clock.instant();
        Bson pendingAndFree = Filters.and(
                Filters.exists(Outbox.FIELD + ".eventId"),
                Filters.or(Filters.exists(Outbox.LEASE_FIELD, false), Filters.lt(Outbox.LEASE_FIELD, Date.from(now))));
        return collection.findOneAndUpdate(pendingAndFree,
                Updates.combine(Updates.set(Outbox.LEASE_FIELD, Date.from(now.plus(properties.lease()))),
                        Updates.set(Outbox.LEASE_TOKEN_FIELD, UUID.randomUUID().toString())),
                new FindOneAndUpdateOptions()
                        .returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include(Outbox.FIELD, Outbox.LEASE_TOKEN_FIELD)));
    }

    /**
     * @return the number of events sent (parked ones not counted), or -1 when Kafka failed and the lease was
     *         left to expire
     */
    private int publish(MongoCollection<Document> collection, Document leased) {
        Object id = leased.get("_id");
        Bson stillMine = Filters.and(Filters.eq("_id", id),
                Filters.eq(Outbox.LEASE_TOKEN_FIELD, leased.getString(Outbox.LEASE_TOKEN_FIELD)));
        int sent = 0;
        for (OutboxMessage message : Outbox.pendingIn(leased)) {
            try (CorrelationId.Scope ignored = CorrelationId.open(CorrelationId.sanitize(message.correlationId()));
                 io.opentelemetry.context.Scope trace = TraceParent.open(message.traceparent())) {
                ProducerRecord<Object, Object> record = new ProducerRecord<>(message.topic(), message.key(),
                        message.json().getBytes(StandardCharsets.UTF_8));
                record.headers().add(CorrelationId.HEADER,
                        CorrelationId.currentOrNew().getBytes(StandardCharsets.UTF_8));
                kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                Throwable cause = neverSendableCause(e);
                if (cause != null) {
                    if (!park(collection, stillMine, leased, message, cause)) {
                        return sent;
                    }
                    continue;
                }
                failures.increment();
                log.warn("Could not publish {} {} from {}; retrying after the lease expires: {}",
                        message.type(), message.eventId(), collection.getNamespace().getCollectionName(), e.toString());
                return -1;
            }
            if (collection.updateOne(stillMine, Updates.pull(Outbox.FIELD, Filters.eq("eventId", message.eventId())))
                    .getMatchedCount() == 0) {
                lostLease(collection, id);
                return sent;
            }
            published.increment();
            sent++;
        }
        collection.updateOne(stillMine, Updates.combine(Updates.unset(Outbox.LEASE_FIELD),
                Updates.unset(Outbox.LEASE_TOKEN_FIELD)));
        return sent;
    }

    /**
     * The cause, anywhere in the chain (the template wraps it), that says Kafka refuses this record itself, not
     * the moment: no retry can ever send it. Null for anything else.
     */
    static Throwable neverSendableCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof SerializationException || t instanceof InvalidTopicException) {
                return t;
            }
        }
        return null;
    }

    /**
     * Copies the event to the parked collection (keyed by event id, so doing it twice keeps one), then takes it
     * out of the document's outbox if this relay still holds the lease.
     *
     * @return whether the lease was still held
     */
    private boolean park(MongoCollection<Document> collection, Bson stillMine, Document leased, OutboxMessage message,
                         Throwable cause) {
        String collectionName = collection.getNamespace().getCollectionName();
        Document original = leased.getList(Outbox.FIELD, Document.class, List.of()).stream()
                .filter(d -> message.eventId().equals(d.getString("eventId")))
                .findFirst().orElseThrow();
        Document entry = new Document("_id", message.eventId())
                .append("collection", collectionName)
                .append("documentId", leased.get("_id"))
                .append("message", original)
                .append("reason", cause.getClass().getSimpleName() + ": " + cause.getMessage())
                .append("parkedAt", Date.from(clock.instant()));
        mongo.getCollection(Outbox.PARKED_COLLECTION)
                .replaceOne(Filters.eq("_id", message.eventId()), entry, new ReplaceOptions().upsert(true));
        if (collection.updateOne(stillMine, Updates.pull(Outbox.FIELD, Filters.eq("eventId", message.eventId())))
                .getMatchedCount() == 0) {
            lostLease(collection, leased.get("_id"));
            return false;
        }
        parked.get(collectionName).increment();
        log.error("Parked {} {} from {} in {}: Kafka can never take it ({}). Other events go on; see README "
                        + "'Parked outbox events' to re-queue it once fixed.", message.type(), message.eventId(),
                collectionName, Outbox.PARKED_COLLECTION, cause.toString());
        return true;
    }

    private static Counter parkedCounter(MeterRegistry meters, String collection) {
        return Counter.builder("hirepipe.outbox.parked").description("Outbox events Kafka can never take, set aside")
                .tag("collection", collection).register(meters);
    }

    private static void lostLease(MongoCollection<Document> collection, Object id) {
        log.warn("Outbox lease on {} {} was taken over by another relay; leaving the rest to it",
                collection.getNamespace().getCollectionName(), id);
    }

    private void ensurePendingIndex(String collection) {
        mongo.getCollection(collection).createIndex(Indexes.ascending(Outbox.FIELD + ".eventId"),
                new IndexOptions().name("outbox_pending").sparse(true));
    }
}
