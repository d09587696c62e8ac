package io.hirepipe.assessment.session;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The hot copy of started sessions in Redis, one hash per invitation: {@code revision} and the
 * candidate-visible document as {@code json}. MongoDB stays the system of record: a miss (or a
 * flushed or unreachable Redis) reloads from it, and every write to MongoDB refreshes the copy
 * afterwards.
 *
 * <p>Redis is a speed-up, never a dependency: every command has a short timeout
 * ({@code spring.data.redis.timeout}) and the calls sit behind the {@value #BREAKER} circuit breaker, so a
 * hung or stopped Redis costs a few slow calls and then none (reads go straight to MongoDB until the breaker
 * lets a trial call through).
 *
 * <p>Refreshes only ever move a copy forward: a Lua script replaces it only with a higher revision,
 * so a slow reader that loaded an older document cannot overwrite a newer one written meanwhile.
 */
@Component
public class SessionCache {

    private static final Logger log = LoggerFactory.getLogger(SessionCache.class);

    static final String BREAKER = "session-cache";
    private static final String KEY_PREFIX = "hirepipe:assessment:session:";

    private static final RedisScript<Long> REPLACE_IF_NEWER = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], 'revision')
            if current and tonumber(current) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('HSET', KEYS[1], 'revision', ARGV[1], 'json', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """, Long.class);

    /** Active sessions stay hot past their deadline long enough for the candidate's last reads. */
    private static final Duration AFTER_DEADLINE = Duration.ofHours(1);
    private static final Duration MIN_TTL = Duration.ofMinutes(1);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final SessionProperties properties;
    private final Clock clock;
    private final CircuitBreaker breaker;

    SessionCache(StringRedisTemplate redis, JsonMapper json, SessionProperties properties, Clock clock,
                 CircuitBreakerRegistry circuitBreakers) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.breaker = circuitBreakers.circuitBreaker(BREAKER);
    }

    Optional<Invitation> get(String tenantId, String invitationId) {
        try {
            Object cached = breaker.executeSupplier(() -> redis.opsForHash().get(key(tenantId, invitationId), "json"));
            return cached == null ? Optional.empty() : Optional.of(json.readValue(cached.toString(), Invitation.class));
        } catch (CallNotPermittedException e) {
            return Optional.empty();
        } catch (DataAccessException | JacksonException e) {
            log.warn("Session cache read failed for {}; reading MongoDB: {}", invitationId, e.toString());
            return Optional.empty();
        }
    }

    /** Best effort: a failure only means the next read goes to MongoDB. */
    public void refresh(Invitation invitation) {
        if (invitation.session() == null) {
            return;
        }
        try {
            String document = json.writeValueAsString(invitation.candidateVisible());
            breaker.executeSupplier(() -> redis.execute(REPLACE_IF_NEWER,
                    List.of(key(invitation.tenantId(), invitation.id())), String.valueOf(invitation.revision()),
                    document, String.valueOf(ttlOf(invitation).toMillis())));
        } catch (CallNotPermittedException e) {
            // Redis is known to be away; the copy is refreshed by the next write after it returns.
        } catch (DataAccessException | JacksonException e) {
            log.warn("Session cache refresh failed for {}: {}", invitation.id(), e.toString());
        }
    }

    /**
     * Drops the copy of an invitation at once (erasure, retention). Best effort like every cache call: a
     * copy left behind by a failure expires with its TTL (minutes after the session closed).
     */
    public void evict(String tenantId, String invitationId) {
        try {
            breaker.executeSupplier(() -> redis.delete(key(tenantId, invitationId)));
        } catch (CallNotPermittedException e) {
            // Redis is away; its copy expires on its own
        } catch (DataAccessException e) {
            log.warn("Session cache evict failed for {}: {}", invitationId, e.toString());
        }
    }

    private Duration ttlOf(Invitation invitation) {
        if (invitation.status() != InvitationStatus.STARTED) {
            return properties.closedCacheTtl();
        }
        Instant until = invitation.session().deadline().plus(properties.grace()).plus(AFTER_DEADLINE);
        Duration ttl = Duration.between(clock.instant(), until);
        return ttl.compareTo(MIN_TTL) < 0 ? MIN_TTL : ttl;
    }

    private static String key(String tenantId, String invitationId) {
        return KEY_PREFIX + tenantId + ":" + invitationId;
    }
}
