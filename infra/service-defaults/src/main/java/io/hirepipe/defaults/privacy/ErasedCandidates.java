package io.hirepipe.defaults.privacy;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.CandidateErasureRequested;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * This service's tombstones of erased candidates, so an event about a candidate that arrives after their
 * erasure (published before it, delivered late, redelivered, replayed from a dead letter) cannot bring their
 * data back. One document per erased key in {@value #COLLECTION}: the invitation ids, the session ids and an
 * HMAC of the email's hash, never the email or a plain hash of it (a plain hash is found again by hashing
 * guessed addresses; the HMAC needs this service's key).
 *
 * <p>An id matches every later event. The email matches only events that happened before the erasure, so
 * the same person invited again afterwards is a new candidate, not an erased one.
 *
 * <p>Tombstones hold no personal data and are kept for {@code hirepipe.privacy.tombstone-retention}
 * (default 90 days: longer than any topic or dead letter keeps an event).
 */
public class ErasedCandidates {

    public static final String COLLECTION = "privacy_erased_candidates";
    static final String KEYS_COLLECTION = "privacy_keys";
    private static final String KEY_ID = "erased-candidates-hmac";

    private static final Logger log = LoggerFactory.getLogger(ErasedCandidates.class);

    private final MongoTemplate mongo;
    private final String configuredKey;
    private final Duration retention;
    private volatile byte[] key;

    public ErasedCandidates(MongoTemplate mongo, String configuredKey, Duration retention) {
        this.mongo = mongo;
        this.configuredKey = configuredKey == null ? "" : configuredKey.strip();
        this.retention = retention;
    }

    /** Called at start-up: old tombstones go by themselves. */
    public void createIndexes() {
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index("erasedAt", Sort.Direction.ASC).expire(retention)
                    .named("forget_after_retention"));
        } catch (RuntimeException e) {
            log.warn("Could not create the expiry index of {}: {}", COLLECTION, e.getMessage());
        }
    }

    /** Remembers every key of the request; a repeat keeps the first erasure's time. */
    public void record(String tenantId, CandidateErasureRequested request, Instant erasedAt) {
        List<String> keys = new ArrayList<>();
        request.invitationIds().forEach(id -> keys.add(idKey(tenantId, "invitation", id)));
        request.sessionIds().forEach(id -> keys.add(idKey(tenantId, "session", id)));
        if (request.emailSha256() != null && !request.emailSha256().isBlank()) {
            keys.add(emailKey(tenantId, request.emailSha256()));
        }
        for (String id : keys) {
            Update update = new Update().setOnInsert("tenantId", tenantId)
                    .setOnInsert("erasureId", request.erasureId())
                    .setOnInsert("kind", id.substring(tenantId.length() + 1, id.indexOf(':', tenantId.length() + 1)))
                    .setOnInsert("erasedAt", erasedAt);
            try {
                mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, COLLECTION);
            } catch (DuplicateKeyException concurrentSameKey) {
                // another consumer recorded it at the same moment: recorded either way
            }
        }
    }

    /** Whether the event is about a candidate this tenant erased (see the class comment for the email rule). */
    public boolean isErased(EventEnvelope<?> event) {
        return erasureOf(event).isPresent();
    }

    /** The erasure that covers the event's candidate, if any. */
    public Optional<String> erasureOf(EventEnvelope<?> event) {
        if (event.tenantId() == null || event.payload() == null) {
            return Optional.empty();
        }
        return erasureOf(event.tenantId(), CandidateSubject.of(event.payload()), event.occurredAt());
    }

    public Optional<String> erasureOf(String tenantId, CandidateSubject subject, Instant occurredAt) {
        if (subject.isNone()) {
            return Optional.empty();
        }
        List<Criteria> any = new ArrayList<>();
        if (subject.invitationId() != null) {
            any.add(Criteria.where("_id").is(idKey(tenantId, "invitation", subject.invitationId())));
        }
        if (subject.sessionId() != null) {
            any.add(Criteria.where("_id").is(idKey(tenantId, "session", subject.sessionId())));
        }
        if (subject.email() != null) {
            Criteria email = Criteria.where("_id").is(emailKey(tenantId, CandidateErasureRequested.emailSha256Of(subject.email())));
            any.add(occurredAt == null ? email : email.and("erasedAt").gte(Date.from(occurredAt)));
        }
        Query query = Query.query(new Criteria().orOperator(any));
        query.fields().include("erasureId");
        Document tombstone = mongo.findOne(query, Document.class, COLLECTION);
        return Optional.ofNullable(tombstone).map(t -> t.getString("erasureId"));
    }

    private static String idKey(String tenantId, String kind, String id) {
        return tenantId + ":" + kind + ":" + id;
    }

    private String emailKey(String tenantId, String emailSha256) {
        return tenantId + ":email:" + hmac(tenantId + "\n" + emailSha256);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * The configured key ({@code HIREPIPE_PRIVACY_TOMBSTONE_KEY}) or, when none is set, one generated once and
     * kept in {@value #KEYS_COLLECTION}, shared by this service's instances. A key beside the tombstones protects
     * less against someone holding a copy of the database; production sets one.
     */
    private byte[] key() {
        byte[] current = key;
        if (current != null) {
            return current;
        }
        if (!configuredKey.isEmpty()) {
            current = configuredKey.getBytes(StandardCharsets.UTF_8);
        } else {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                mongo.upsert(Query.query(Criteria.where("_id").is(KEY_ID)),
                        new Update().setOnInsert("key", Base64.getEncoder().encodeToString(fresh)), KEYS_COLLECTION);
            } catch (DuplicateKeyException concurrentFirstUse) {
                // another instance created it first: use theirs
            }
            Document stored = mongo.findById(KEY_ID, Document.class, KEYS_COLLECTION);
            current = Base64.getDecoder().decode(stored.getString("key"));
        }
        key = current;
        return current;
    }
}
