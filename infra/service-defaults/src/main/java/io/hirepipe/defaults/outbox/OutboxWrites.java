package io.hirepipe.defaults.outbox;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Sees every write to an outbox collection that carries events (an insert of a document with a non-empty
 * {@value Outbox#FIELD}, an update or find-and-modify that pushes to it) on the MongoDB driver, and once the server
 * acknowledged it, hints the relay with the document's id so it publishes at once instead of at the next poll.
 * One place for every writer, present and future, so none has to remember a hint call.
 *
 * <p>Only a shortcut, like {@link OutboxRelay#publishSoon}: a write whose document id cannot be told from the
 * command (an update whose filter does not name {@code _id}) is not hinted and waits for the poll, which still
 * finds every pending event.
 */
public class OutboxWrites implements CommandListener {

    private final Set<String> collections;
    /** Writes with events the server has not answered yet, by request id: hinted only once they succeeded. */
    private final Map<Integer, Written> inFlight = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, Object> relay = (collection, id) -> { };

    private record Written(String collection, List<Object> ids, boolean idsFromReply) {
    }

    public OutboxWrites(OutboxProperties properties) {
        this.collections = Set.copyOf(properties.collections());
    }

    /** Where hints go: {@link OutboxRelay#publishSoon}. */
    public void hintTo(BiConsumer<String, Object> relay) {
        this.relay = relay;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        if (!name.equals("insert") && !name.equals("update") && !name.equals("findAndModify")) {
            return;
        }
        BsonDocument command = event.getCommand();
        BsonValue target = command.get(name);
        if (target == null || !target.isString() || !collections.contains(target.asString().getValue())) {
            return;
        }
        String collection = target.asString().getValue();
        Written written = switch (name) {
            case "insert" -> inserted(collection, command.getArray("documents", new BsonArray()));
            case "update" -> updated(collection, command.getArray("updates", new BsonArray()));
            default -> carriesEvents(command.get("update"))
                    ? new Written(collection, List.of(), true) : null;
        };
        if (written != null) {
            inFlight.put(event.getRequestId(), written);
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        Written written = inFlight.remove(event.getRequestId());
        if (written == null) {
            return;
        }
        List<Object> ids = new ArrayList<>(written.ids());
        if (written.idsFromReply()) {
            // find-and-modify answers with the document (its _id even when the projection leaves the rest out)
            BsonValue value = event.getResponse().get("value");
            if (value != null && value.isDocument() && value.asDocument().containsKey("_id")) {
                ids.add(plain(value.asDocument().get("_id")));
            }
            BsonValue outcome = event.getResponse().get("lastErrorObject");
            if (outcome != null && outcome.isDocument() && outcome.asDocument().containsKey("upserted")) {
                ids.add(plain(outcome.asDocument().get("upserted")));
            }
        }
        // an upsert that inserted tells the new id only in its answer
        BsonValue upserted = event.getResponse().get("upserted");
        if (upserted != null && upserted.isArray()) {
            upserted.asArray().forEach(u -> ids.add(plain(u.asDocument().get("_id"))));
        }
        BiConsumer<String, Object> hint = relay;
        ids.forEach(id -> hint.accept(written.collection(), id));
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        inFlight.remove(event.getRequestId());
    }

    private static Written inserted(String collection, BsonArray documents) {
        List<Object> ids = new ArrayList<>();
        for (BsonValue document : documents) {
            if (document.isDocument() && hasEvents(document.asDocument().get(Outbox.FIELD))
                    && document.asDocument().containsKey("_id")) {
                ids.add(plain(document.asDocument().get("_id")));
            }
        }
        return ids.isEmpty() ? null : new Written(collection, ids, false);
    }

    private static Written updated(String collection, BsonArray updates) {
        List<Object> ids = new ArrayList<>();
        boolean any = false;
        for (BsonValue statement : updates) {
            if (!statement.isDocument() || !carriesEvents(statement.asDocument().get("u"))) {
                continue;
            }
            any = true;
            BsonValue filter = statement.asDocument().get("q");
            BsonValue id = filter != null && filter.isDocument() ? filter.asDocument().get("_id") : null;
            if (id != null && !id.isDocument()) {
                ids.add(plain(id));
            }
        }
        return any ? new Written(collection, ids, false) : null;
    }

    /** A replacement with a non-empty outbox, or an update that pushes to it. */
    private static boolean carriesEvents(BsonValue update) {
        if (update == null || !update.isDocument()) {
            return false;
        }
        BsonDocument document = update.asDocument();
        BsonValue push = document.get("$push");
        return hasEvents(document.get(Outbox.FIELD))
                || push != null && push.isDocument() && push.asDocument().containsKey(Outbox.FIELD);
    }

    private static boolean hasEvents(BsonValue outbox) {
        return outbox != null && outbox.isArray() && !outbox.asArray().isEmpty();
    }

    /** The id as the relay's {@code Filters.eq("_id", id)} needs it: the Java value, not the BSON wrapper. */
    private static Object plain(BsonValue id) {
        return switch (id.getBsonType()) {
            case STRING -> id.asString().getValue();
            case OBJECT_ID -> id.asObjectId().getValue();
            case INT32 -> id.asInt32().getValue();
            case INT64 -> id.asInt64().getValue();
            default -> id;
        };
    }
}
