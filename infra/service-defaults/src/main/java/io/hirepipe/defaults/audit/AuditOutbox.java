package io.hirepipe.defaults.audit;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.defaults.outbox.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * For audited actions that change no document of their own (an export, a deleted subscription): the
 * {@link AuditRecorded} event gets a document of its own in {@value #COLLECTION}, whose outbox the relay
 * publishes like any other. List the collection in {@code hirepipe.outbox.collections}. Where the action
 * does change a document, put the audit event in that document's update instead ({@link Outbox#append}),
 * so the entry exists if and only if the change does.
 */
public class AuditOutbox implements SmartInitializingSingleton {

    public static final String COLLECTION = "audit_outbox";
    /** A published entry's empty shell is removed after this; the gateway's audit log is the record. */
    static final Duration KEEP = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(AuditOutbox.class);

    private final MongoTemplate mongo;

    public AuditOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(COLLECTION)
    record Pending(@Id String id, String tenantId, Instant createdAt, List<OutboxMessage> outbox) {
    }

    /** Stores the event for the relay; once this returns, the entry will reach the audit log. */
    public void record(EventEnvelope<AuditRecorded> event) {
        mongo.insert(new Pending(event.eventId(), event.tenantId(), event.occurredAt(), Outbox.messages(event)));
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index("createdAt", Sort.Direction.ASC).expire(KEEP)
                    .named("expire_published"));
        } catch (RuntimeException e) {
            // Housekeeping only: without the index the shells stay, nothing is lost.
            log.warn("Could not create the expiry index of {}: {}", COLLECTION, e.getMessage());
        }
    }
}
