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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the events waiting in {@link Outbox} fields to Kafka, in the order they were appended,
 * and removes each one only after Kafka acknowledged it. A crash between the two republishes the
 * event on the next pass: delivery is at least once, and consumers are idempotent by event id.
 *
 * <p>Several instances may run: a document is leased with an atomic find-and-modify before its
 * events are sent, so two relays do not interleave one document's events. Lease expiry is judged on the
 * database's clock ({@link io.hirepipe.defaults.clock.DatabaseAlignedClock}), so an instance whose own clock
 * runs ahead does not take over early. Should one still (its clock stepped between two alignments), the lease
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
    /** Documents leased and published together: one query finds them, their sends share the wait for Kafka. */
    static final int BATCH = 100;
    /** Hints beyond this wait for the poll. */
    private static final int MAX_WRITTEN = 10_000;

    private final MongoTemplate mongo;
    private final KafkaTemplate<Object, Object> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    /** Per collection, from start-up, so the alert's series exists before anything is parked. */
    private final Map<String, Counter> parked = new HashMap<>();
    /** Documents just written with events, per collection: published now rather than at the next poll. */
    private final Map<String, Queue<Object>> written = new ConcurrentHashMap<>();
    private final AtomicInteger writtenCount = new AtomicInteger();
    private final Semaphore wake = new Semaphore(0);
    private Thread worker;
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
        running = true;
        worker = new Thread(this::work, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        if (worker != null) {
            try {
                worker.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Tells the relay that the document {@code id} of {@code collection} was just written with events, so it
     * publishes them at once (leasing the document by its id) instead of at the next poll. Only a shortcut: the
     * poll still finds every pending event, also those of a process that died before it published them, so a
     * hint may be dropped (a full queue) without losing anything.
     */
    public void publishSoon(String collection, Object id) {
        if (!running || !parked.containsKey(collection)) {
            return;
        }
        if (writtenCount.incrementAndGet() > MAX_WRITTEN) {
            writtenCount.decrementAndGet();
            return;
        }
        written.computeIfAbsent(collection, c -> new ConcurrentLinkedQueue<>()).add(id);
        wake.release();
    }

    /** Publishes hinted documents as they come and polls for everything pending every {@code poll-interval}. */
    private void work() {
        long interval = properties.pollInterval().toNanos();
        long nextPoll = System.nanoTime() + interval;
        while (running) {
            try {
                long wait = nextPoll - System.nanoTime();
                if (wait > 0 && wake.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
                    wake.drainPermits();
                    quietly(this::publishWritten);
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            quietly(this::publishPending);
            nextPoll = System.nanoTime() + interval;
        }
    }

    private void publishWritten() {
        written.forEach((name, ids) -> {
            MongoCollection<Document> collection = mongo.getCollection(name);
            while (!ids.isEmpty()) {
                Set<Object> batch = new LinkedHashSet<>();
                for (Object id; batch.size() < BATCH && (id = ids.poll()) != null; ) {
                    writtenCount.decrementAndGet();
                    batch.add(id);
                }
                if (publish(collection, lease(collection, new ArrayList<>(batch))) < 0) {
                    return;
                }
            }
        });
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

    private void quietly(Runnable pass) {
        try {
            pass.run();
        } catch (RuntimeException e) {
            log.warn("Outbox relay pass failed; will retry: {}", e.toString());
        }
    }

    private int publishPending(MongoCollection<Document> collection) {
        int count = 0;
        while (true) {
            List<Object> ids = pendingIds(collection);
            if (ids.isEmpty()) {
                return count;
            }
            int sent = publish(collection, lease(collection, ids));
            if (sent < 0) {
                return count;
            }
            count += sent;
            if (ids.size() < BATCH) {
                return count;
            }
        }
    }

    /** Up to {@link #BATCH} documents with pending events that no relay holds: one query for the whole batch. */
    private List<Object> pendingIds(MongoCollection<Document> collection) {
        List<Object> ids = new ArrayList<>();
        collection.find(pendingAndFree(clock.instant())).projection(Projections.include("_id")).limit(BATCH)
                .forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static Bson pendingAndFree(Instant now) {
        return Filters.and(
                Filters.exists(Outbox.FIELD + ".eventId"),
                Filters.or(Filters.exists(Outbox.LEASE_FIELD, false), Filters.lt(Outbox.LEASE_FIELD, Date.from(now))));
    }

    /** Leases each document by its id (still pending and free: another relay may have taken it meanwhile). */
    private List<Document> lease(MongoCollection<Document> collection, List<Object> ids) {
        List<Document> leased = new ArrayList<>();
        for (Object id : ids) {
            Instant now = clock.instant();
            Document document = collection.findOneAndUpdate(Filters.and(Filters.eq("_id", id), pendingAndFree(now)),
                    Updates.combine(Updates.set(Outbox.LEASE_FIELD, Date.from(now.plus(properties.lease()))),
                            Updates.set(Outbox.LEASE_TOKEN_FIELD, UUID.randomUUID().toString())),
                    new FindOneAndUpdateOptions()
                            .returnDocument(ReturnDocument.AFTER)
                            .projection(Projections.include(Outbox.FIELD, Outbox.LEASE_TOKEN_FIELD)));
            if (document != null) {
                leased.add(document);
            }
        }
        return leased;
    }

    /** One leased document's events and what became of them in this pass. */
    private static final class Leased {
        final Document document;
        final Bson stillMine;
        final List<String> published = new ArrayList<>();
        boolean unfinished;
        boolean lost;

        Leased(Document document) {
            this.document = document;
            this.stillMine = Filters.and(Filters.eq("_id", document.get("_id")),
                    Filters.eq(Outbox.LEASE_TOKEN_FIELD, document.getString(Outbox.LEASE_TOKEN_FIELD)));
        }
    }

    /** An event and the document it waits in. */
    private record Pending(Leased owner, OutboxMessage message) {
    }

    /**
     * Publishes the leased documents' events without waiting for Kafka record by record: all sends of a round go
     * out together and are awaited together. Events with the same topic and key (one partition) stay in order:
     * a round sends at most one event per key, the next only after Kafka acknowledged the one before, and none
     * after one that failed. A document's acknowledged events leave its outbox in one update, which also ends
     * the lease when nothing of it is left.
     *
     * @return the number of events sent (parked ones not counted), or -1 when Kafka failed: the documents with
     *         events left keep their lease until it expires, then the events are tried again
     */
    private int publish(MongoCollection<Document> collection, List<Document> documents) {
        Map<String, Deque<Pending>> byKey = new LinkedHashMap<>();
        List<Leased> leased = new ArrayList<>();
        for (Document document : documents) {
            Leased owner = new Leased(document);
            leased.add(owner);
            for (OutboxMessage message : Outbox.pendingIn(document)) {
                String key = message.key() == null ? "document\u0000" + document.get("_id") : message.topic() + "\u0000" + message.key();
                byKey.computeIfAbsent(key, k -> new ArrayDeque<>()).add(new Pending(owner, message));
            }
        }
        boolean kafkaFailed = false;
        while (!byKey.isEmpty()) {
            Map<String, Pending> round = new LinkedHashMap<>();
            Map<String, CompletableFuture<?>> sends = new HashMap<>();
            byKey.forEach((key, queue) -> {
                Pending next = queue.poll();
                round.put(key, next);
                sends.put(key, send(next.message()));
            });
            long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
            for (Map.Entry<String, Pending> entry : round.entrySet()) {
                Pending sent = entry.getValue();
                Throwable failure = await(sends.get(entry.getKey()), deadline);
                Throwable never = failure == null ? null : neverSendableCause(failure);
                if (failure == null) {
                    sent.owner().published.add(sent.message().eventId());
                } else if (never != null) {
                    // blocks nothing: set aside, and the key's next event may go
                    if (!sent.owner().lost && !park(collection, sent.owner().stillMine, sent.owner().document,
                            sent.message(), never)) {
                        sent.owner().lost = true;
                    }
                } else {
                    failures.increment();
                    sent.owner().unfinished = true;
                    kafkaFailed = true;
                    // nothing after it on this key, so the key's order holds when it is sent again: the documents
                    // still waiting on the key keep their lease too, so no other pass sends their events first
                    byKey.remove(entry.getKey()).forEach(waiting -> waiting.owner().unfinished = true);
                    log.warn("Could not publish {} {} from {}; retrying after the lease expires: {}",
                            sent.message().type(), sent.message().eventId(),
                            collection.getNamespace().getCollectionName(), failure.toString());
                }
            }
            byKey.values().removeIf(Deque::isEmpty);
        }
        int sent = 0;
        for (Leased owner : leased) {
            sent += finish(collection, owner);
        }
        return kafkaFailed ? -1 : sent;
    }

    private CompletableFuture<?> send(OutboxMessage message) {
        try (CorrelationId.Scope ignored = CorrelationId.open(CorrelationId.sanitize(message.correlationId()));
             io.opentelemetry.context.Scope trace = TraceParent.open(message.traceparent())) {
            ProducerRecord<Object, Object> record = new ProducerRecord<>(message.topic(), message.key(),
                    message.json().getBytes(StandardCharsets.UTF_8));
            record.headers().add(CorrelationId.HEADER, CorrelationId.currentOrNew().getBytes(StandardCharsets.UTF_8));
            return kafka.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** @return the failure, or null once Kafka acknowledged the record */
    private static Throwable await(CompletableFuture<?> send, long deadlineNanos) {
        try {
            send.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (TimeoutException e) {
            return e;
        }
    }

    /**
     * Takes the acknowledged events out of the document's outbox and, when nothing of this pass is left, ends the
     * lease; all in one update that only the lease holder can make.
     *
     * @return how many of the document's events were published
     */
    private int finish(MongoCollection<Document> collection, Leased owner) {
        if (owner.lost) {
            lostLease(collection, owner.document.get("_id"));
            return 0;
        }
        List<Bson> changes = new ArrayList<>();
        if (!owner.published.isEmpty()) {
            changes.add(Updates.pullByFilter(new Document(Outbox.FIELD,
                    new Document("eventId", new Document("$in", owner.published)))));
        }
        if (!owner.unfinished) {
            changes.add(Updates.unset(Outbox.LEASE_FIELD));
            changes.add(Updates.unset(Outbox.LEASE_TOKEN_FIELD));
        }
        if (changes.isEmpty()) {
            return 0;
        }
        if (collection.updateOne(owner.stillMine, Updates.combine(changes)).getMatchedCount() == 0) {
            lostLease(collection, owner.document.get("_id"));
            return 0;
        }
        published.increment(owner.published.size());
        return owner.published.size();
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
