package io.hirepipe.defaults.outbox;

import io.hirepipe.contracts.EventEnvelope;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Arrays;
import java.util.List;

/**
 * The transactional outbox without transactions: a document that changes state also receives, in
 * the same single-document update, the events that change implies, in an array field named
 * {@value #FIELD}. Either both are written or neither is; {@link OutboxRelay} publishes them
 * afterwards, at least once.
 *
 * <p>Aggregates that are inserted declare a {@code List<OutboxMessage> outbox} property; aggregates
 * that are updated add events to their {@link Update} with {@link #append}. The collection must be
 * listed in {@code hirepipe.outbox.collections}.
 */
public final class Outbox {

    public static final String FIELD = "outbox";
    static final String LEASE_FIELD = "outboxLeaseUntil";
    /** Who holds the lease: every change the relay makes to the document names it, as a fencing token. */
    static final String LEASE_TOKEN_FIELD = "outboxLeaseToken";
    /** Events Kafka can never take (too large, say), set aside so they block nothing: one document each. */
    public static final String PARKED_COLLECTION = "outbox_parked";

    private Outbox() {
    }

    public static Update append(Update update, EventEnvelope<?>... events) {
        Object[] documents = Arrays.stream(events).map(e -> OutboxMessage.of(e).toDocument()).toArray();
        update.push(FIELD).each(documents);
        return update;
    }

    public static List<OutboxMessage> messages(EventEnvelope<?>... events) {
        return Arrays.stream(events).map(OutboxMessage::of).toList();
    }

    static List<OutboxMessage> pendingIn(Document document) {
        List<Document> pending = document.getList(FIELD, Document.class, List.of());
        return pending.stream().map(OutboxMessage::fromDocument).toList();
    }
}
