package io.hirepipe.assessment.idempotency;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for POSTs that create something: the first request with a key runs and its
 * response is kept (encrypted) for 24 hours; a retry with the same key and the same request gets
 * that response again instead of creating a second thing, and a different request under a used key
 * is refused with 422. The key is claimed by an insert before the work runs, so two concurrent
 * requests with one key cannot both run. A request that fails keeps nothing: the client may retry
 * it with the same key. Without the header a request simply runs. Keys belong to the caller (the person or API
 * key) that sent them: the kept response holds the candidate's link, so the same key from another caller of the
 * tenant is another key, never a replay.
 */
@Component
public class IdempotentRequests implements SmartInitializingSingleton {

    public static final String HEADER = "Idempotency-Key";
    /** Marks a response replayed from an earlier request. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final int ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final StoredResponseCipher cipher;
    private final Clock clock;
    private final Duration retention;
    private final Duration abandonedAfter;

    IdempotentRequests(MongoTemplate mongo, JsonMapper json, StoredResponseCipher cipher, Clock clock,
                       @Value("${hirepipe.idempotency.retention:24h}") Duration retention,
                       @Value("${hirepipe.idempotency.abandoned-after:60s}") Duration abandonedAfter) {
        this.mongo = mongo;
        this.json = json;
        this.cipher = cipher;
        this.clock = clock;
        this.retention = retention;
        this.abandonedAfter = abandonedAfter;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // Keys are kept for the retention period and then forgotten by MongoDB itself.
        mongo.indexOps(IdempotencyRecord.class).createIndex(new Index("createdAt", Sort.Direction.ASC)
                .expire(retention).named("forget_after_retention"));
    }

    /**
     * @param key     the header's value; null runs {@code action} without idempotency
     * @param request the parsed body: the same request means the same method, path and this, re-serialised
     * @param type    the response body's type, to read a kept response back as
     * @param action  does the work and answers with a JSON body
     */
    public <T> ResponseEntity<T> run(Caller caller, String key, String method, String path, Object request,
                                     Class<T> type, Supplier<ResponseEntity<T>> action) {
        if (key == null) {
            return action.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("invalid-idempotency-key",
                    "Header 'Idempotency-Key' must be 1 to 255 visible ASCII characters (a UUID, say).")
                    .with("header", HEADER);
        }
        // One caller's keys: the kept response holds the candidate's link, shown to nobody but its creator.
        String id = sha256(caller.tenantId() + "\n" + caller.kind() + ":" + caller.subject() + "\n" + key);
        String requestHash = sha256(method + "\n" + path + "\n" + json.writeValueAsString(request));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            try {
                mongo.insert(new IdempotencyRecord(id, caller.tenantId(), requestHash, false, 0, null, null, now));
                return runAndKeep(id, action);
            } catch (DuplicateKeyException used) {
                IdempotencyRecord earlier = mongo.findById(id, IdempotencyRecord.class);
                if (earlier == null || forgettable(earlier, now)) {
                    forget(earlier);
                    continue;
                }
                if (!earlier.requestHash().equals(requestHash)) {
                    throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key '" + key
                            + "' was used for a different request in the last " + retention.toHours()
                            + " hours; use a new key for a new request.").with("header", HEADER);
                }
                if (!earlier.completed()) {
                    throw ProblemException.conflict("idempotent-request-in-progress", "The first request with "
                            + "Idempotency-Key '" + key + "' is still running; retry shortly.").with("header", HEADER);
                }
                return replay(earlier, type);
            }
        }
        throw ProblemException.conflict("idempotent-request-in-progress",
                "Idempotency-Key '" + key + "' is changing right now; retry shortly.").with("header", HEADER);
    }

    private <T> ResponseEntity<T> runAndKeep(String id, Supplier<ResponseEntity<T>> action) {
        ResponseEntity<T> response;
        try {
            response = action.get();
        } catch (RuntimeException failed) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), IdempotencyRecord.class);
            throw failed;
        }
        URI location = response.getHeaders().getLocation();
        Update done = new Update()
                .set("completed", true)
                .set("status", response.getStatusCode().value())
                .set("location", location == null ? null : location.toString())
                .set("body", cipher.encrypt(id, json.writeValueAsString(response.getBody())));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), done, IdempotencyRecord.class);
        return response;
    }

    /**
     * Blanks every kept response that names one of {@code ids} (an erased candidate's invitations): such a
     * response holds the candidate's name, email and link. The key stays used, so a retry with it is told the
     * candidate was erased (410) rather than creating them again or replaying what was erased.
     *
     * @return how many kept responses were blanked
     */
    public long forgetResponsesNaming(String tenantId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        Query kept = Query.query(Criteria.where("tenantId").is(tenantId).and("completed").is(true)
                .and("body").ne(null));
        long blanked = 0;
        for (IdempotencyRecord record : mongo.find(kept, IdempotencyRecord.class)) {
            String body;
            try {
                body = cipher.decrypt(record.id(), record.body());
            } catch (IllegalStateException unreadable) {
                continue; // sealed under another key: it cannot be replayed either
            }
            if (ids.stream().anyMatch(id -> body.contains("\"" + id + "\""))) {
                blanked += mongo.updateFirst(Query.query(Criteria.where("_id").is(record.id())),
                        new Update().unset("body").unset("location").set("status", HttpStatus.GONE.value()),
                        IdempotencyRecord.class).getModifiedCount();
            }
        }
        return blanked;
    }

    private <T> ResponseEntity<T> replay(IdempotencyRecord earlier, Class<T> type) {
        if (earlier.body() == null) {
            throw ProblemException.gone("candidate-erased", "The response to this Idempotency-Key named a candidate "
                    + "whose data was erased since; it is not replayed and the request is not run again.")
                    .with("header", HEADER);
        }
        ResponseEntity.BodyBuilder replay = ResponseEntity.status(HttpStatus.valueOf(earlier.status()))
                .contentType(MediaType.APPLICATION_JSON)
                .header(REPLAYED_HEADER, "true");
        if (earlier.location() != null) {
            replay.header(HttpHeaders.LOCATION, earlier.location());
        }
        return replay.body(json.readValue(cipher.decrypt(earlier.id(), earlier.body()), type));
    }

    /** Past retention (MongoDB's TTL sweep runs only once a minute), or a first request that died midway. */
    private boolean forgettable(IdempotencyRecord earlier, Instant now) {
        return !earlier.createdAt().plus(retention).isAfter(now)
                || (!earlier.completed() && !earlier.createdAt().plus(abandonedAfter).isAfter(now));
    }

    private void forget(IdempotencyRecord earlier) {
        if (earlier != null) {
            mongo.remove(Query.query(Criteria.where("_id").is(earlier.id()).and("createdAt").is(earlier.createdAt())),
                    IdempotencyRecord.class);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
