package io.hirepipe.assessment.invitation;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.defaults.web.CursorCriteria;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.hirepipe.assessment.invitation.InvitationFields.ACTIVE_KEY;
import static io.hirepipe.assessment.invitation.InvitationFields.CREATED_AT;
import static io.hirepipe.assessment.invitation.InvitationFields.EXPIRES_AT;
import static io.hirepipe.assessment.invitation.InvitationFields.EXPIRY_ANNOUNCED_AT;
import static io.hirepipe.assessment.invitation.InvitationFields.EXPIRY_PENDING;
import static io.hirepipe.assessment.invitation.InvitationFields.EXTERNAL_REFERENCE;
import static io.hirepipe.assessment.invitation.InvitationFields.TEST_ID;
import static io.hirepipe.assessment.invitation.InvitationFields.ID;
import static io.hirepipe.assessment.invitation.InvitationFields.INTEGRITY_SIGNALS;
import static io.hirepipe.assessment.invitation.InvitationFields.OUTBOX;
import static io.hirepipe.assessment.invitation.InvitationFields.REVISION;
import static io.hirepipe.assessment.invitation.InvitationFields.REVOCATION;
import static io.hirepipe.assessment.invitation.InvitationFields.SESSION_ANSWERS;
import static io.hirepipe.assessment.invitation.InvitationFields.SESSION_QUESTIONS;
import static io.hirepipe.assessment.invitation.InvitationFields.STATUS;
import static io.hirepipe.assessment.invitation.InvitationFields.TENANT;
import static io.hirepipe.assessment.invitation.InvitationFields.TOKEN_HASH;

/**
 * Reads and recruiter-side writes of invitations. Every query names the tenant; the one exception,
 * redeeming a token, is looked up by the token's hash, which only its holder can produce.
 */
@Component
public class InvitationStore {

    private final MongoTemplate mongo;

    InvitationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Inserts a new (INVITED) invitation, marked as one whose expiry the sweep is still to announce. */
    void insert(Invitation invitation) {
        Document document = new Document();
        mongo.getConverter().write(invitation, document);
        document.put(EXPIRY_PENDING, true);
        mongo.insert(document, Invitation.COLLECTION);
    }

    /**
     * Marks unannounced unstarted invitations created by a version that did not mark them, once at start-up, so
     * the expiry sweep finds them.
     *
     * @return how many were marked
     */
    @PostConstruct
    long markPendingExpiries() {
        return mongo.updateMulti(Query.query(Criteria.where(STATUS).is(InvitationStatus.INVITED)
                        .and(EXPIRY_ANNOUNCED_AT).exists(false).and(EXPIRY_PENDING).exists(false)),
                new Update().set(EXPIRY_PENDING, true), Invitation.class).getModifiedCount();
    }

    /** The whole invitation but its secrets, outbox and raw signals. */
    public Optional<Invitation> find(String tenantId, String invitationId) {
        Query query = Query.query(byId(tenantId, invitationId));
        query.fields().exclude(TOKEN_HASH, OUTBOX, INTEGRITY_SIGNALS);
        return Optional.ofNullable(mongo.findOne(query, Invitation.class));
    }

    /**
     * Newest first (creation time, then id: a total order, so pages neither skip nor repeat rows), at
     * most {@code query.limit()} rows, without the bulky session content.
     *
     * @param now decides which unstarted invitations count as expired
     */
    List<Invitation> list(String tenantId, InvitationQuery query, Instant now) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where(TENANT).is(tenantId));
        if (query.status() == InvitationStatus.INVITED) {
            all.add(Criteria.where(STATUS).is(InvitationStatus.INVITED).and(EXPIRES_AT).gt(now));
        } else if (query.status() == InvitationStatus.EXPIRED) {
            all.add(Criteria.where(STATUS).is(InvitationStatus.INVITED).and(EXPIRES_AT).lte(now));
        } else if (query.status() != null) {
            all.add(Criteria.where(STATUS).is(query.status()));
        }
        if (query.testId() != null) {
            all.add(Criteria.where(TEST_ID).is(query.testId()));
        }
        if (query.externalReference() != null) {
            all.add(Criteria.where(EXTERNAL_REFERENCE).is(query.externalReference()));
        }
        if (query.createdFrom() != null) {
            all.add(Criteria.where(CREATED_AT).gte(query.createdFrom()));
        }
        if (query.createdTo() != null) {
            all.add(Criteria.where(CREATED_AT).lt(query.createdTo()));
        }
        if (query.after() != null) {
            all.add(CursorCriteria.after(CREATED_AT, query.after()));
        }
        Query find = Query.query(new Criteria().andOperator(all))
                .with(Sort.by(Sort.Direction.DESC, CREATED_AT).and(Sort.by(Sort.Direction.DESC, ID)))
                .limit(query.limit());
        find.fields().exclude(TOKEN_HASH, OUTBOX, INTEGRITY_SIGNALS, SESSION_QUESTIONS, SESSION_ANSWERS);
        return mongo.find(find, Invitation.class);
    }

    /** The invitation holding an active key, if any (it may have expired since). */
    Optional<Invitation> activeHolder(String activeKey) {
        Query query = Query.query(Criteria.where(ACTIVE_KEY).is(activeKey));
        query.fields().exclude(TOKEN_HASH, OUTBOX, INTEGRITY_SIGNALS, SESSION_QUESTIONS, SESSION_ANSWERS);
        return Optional.ofNullable(mongo.findOne(query, Invitation.class));
    }

    /**
     * Frees the active key of an invitation that expired unstarted before the sweep got to it, so the
     * candidate can be invited again at once; a no-op if it was started, revoked or extended meanwhile.
     */
    void releaseIfExpired(String tenantId, String invitationId, Instant now) {
        Query query = Query.query(byId(tenantId, invitationId).and(STATUS).is(InvitationStatus.INVITED)
                .and(EXPIRES_AT).lte(now));
        mongo.updateFirst(query, new Update().unset(ACTIVE_KEY), Invitation.class);
    }

    /**
     * Moves the expiry of an invitation nobody started. It becomes active again (an expired one too),
     * and its next expiry will be announced again, so the announcement marker goes. Only while its expiry is still
     * {@code previousExpiresAt}: empty when it changed or the invitation left INVITED.
     *
     * @throws org.springframework.dao.DuplicateKeyException when reviving it would make a second active
     *                                                       invitation for the same candidate and test
     */
    Optional<Invitation> extendIfNotStarted(String tenantId, String invitationId, Instant previousExpiresAt,
                                            Instant expiresAt, String activeKey, EventEnvelope<?> audit) {
        Query query = Query.query(byId(tenantId, invitationId).and(STATUS).is(InvitationStatus.INVITED)
                .and(EXPIRES_AT).is(previousExpiresAt));
        Update update = new Update()
                .set(EXPIRES_AT, expiresAt)
                .set(ACTIVE_KEY, activeKey)
                .unset(EXPIRY_ANNOUNCED_AT)
                .set(EXPIRY_PENDING, true)
                .inc(REVISION, 1);
        Outbox.append(update, audit);
        query.fields().exclude(TOKEN_HASH, OUTBOX, INTEGRITY_SIGNALS);
        return Optional.ofNullable(mongo.findAndModify(query, update,
                FindAndModifyOptions.options().returnNew(true), Invitation.class));
    }

    /**
     * @param tenantId null to look across tenants (the gateway does not know the tenant yet)
     */
    public Optional<Invitation> findByTokenHash(String tokenHash, String tenantId) {
        // By the hash alone, which the unique token_hash index answers (a query naming the tenant too is a
        // collection scan on the local stack's embedded MongoDB); another tenant's invitation is then dropped here.
        Query query = Query.query(Criteria.where(TOKEN_HASH).is(tokenHash));
        query.fields().exclude(OUTBOX, INTEGRITY_SIGNALS, SESSION_QUESTIONS, SESSION_ANSWERS);
        return Optional.ofNullable(mongo.findOne(query, Invitation.class))
                .filter(invitation -> tenantId == null || tenantId.equals(invitation.tenantId()));
    }

    /** Revokes only an invitation nobody started; the revocation and its event are one write. */
    Optional<Invitation> revokeIfNotStarted(String tenantId, String invitationId, Revocation revocation,
                                            EventEnvelope<?>... events) {
        Query query = Query.query(byId(tenantId, invitationId).and(STATUS).is(InvitationStatus.INVITED));
        Update update = new Update()
                .set(STATUS, InvitationStatus.REVOKED)
                .set(REVOCATION, revocation)
                .unset(ACTIVE_KEY)
                .unset(EXPIRY_PENDING)
                .inc(REVISION, 1);
        Outbox.append(update, events);
        query.fields().exclude(TOKEN_HASH, OUTBOX, INTEGRITY_SIGNALS);
        return Optional.ofNullable(mongo.findAndModify(query, update,
                FindAndModifyOptions.options().returnNew(true), Invitation.class));
    }

    /**
     * Gives an invitation that is still open (not started and not expired, or running) a new token: the
     * old hash is gone in the same write, so the old link stops opening at once. Carries its events.
     */
    Optional<Invitation> replaceTokenIfOpen(String tenantId, String invitationId, String tokenHash, Instant now,
                                            EventEnvelope<?>... events) {
        Query query = Query.query(byId(tenantId, invitationId).orOperator(
                Criteria.where(STATUS).is(InvitationStatus.INVITED).and(EXPIRES_AT).gt(now),
                Criteria.where(STATUS).is(InvitationStatus.STARTED)));
        Update update = new Update().set(TOKEN_HASH, tokenHash).inc(REVISION, 1);
        Outbox.append(update, events);
        query.fields().exclude(TOKEN_HASH, OUTBOX, INTEGRITY_SIGNALS);
        return Optional.ofNullable(mongo.findAndModify(query, update,
                FindAndModifyOptions.options().returnNew(true), Invitation.class));
    }

    public static Criteria byId(String tenantId, String invitationId) {
        return Criteria.where(ID).is(invitationId).and(TENANT).is(tenantId);
    }
}
