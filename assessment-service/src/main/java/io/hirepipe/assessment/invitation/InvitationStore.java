package io.hirepipe.assessment.invitation;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.defaults.outbox.Outbox;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static io.hirepipe.assessment.invitation.InvitationFields.CREATED_AT;
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

    void insert(Invitation invitation) {
        mongo.insert(invitation);
    }

    /** The whole invitation but its secrets, outbox and raw signals. */
    public Optional<Invitation> find(String tenantId, String invitationId) {
        Query query = Query.query(byId(tenantId, invitationId));
        query.fields().exclude(TOKEN_HASH, OUTBOX, INTEGRITY_SIGNALS);
        return Optional.ofNullable(mongo.findOne(query, Invitation.class));
    }

    /** Newest first, without the bulky session content. */
    List<Invitation> list(String tenantId, int limit) {
        Query query = Query.query(Criteria.where(TENANT).is(tenantId))
                .with(Sort.by(Sort.Direction.DESC, CREATED_AT))
                .limit(limit);
        query.fields().exclude(TOKEN_HASH, OUTBOX, INTEGRITY_SIGNALS, SESSION_QUESTIONS, SESSION_ANSWERS);
        return mongo.find(query, Invitation.class);
    }

    /**
     * @param tenantId null to look across tenants (the gateway does not know the tenant yet)
     */
    public Optional<Invitation> findByTokenHash(String tokenHash, String tenantId) {
        Criteria criteria = Criteria.where(TOKEN_HASH).is(tokenHash);
        if (tenantId != null) {
            criteria = criteria.and(TENANT).is(tenantId);
        }
        Query query = Query.query(criteria);
        query.fields().exclude(OUTBOX, INTEGRITY_SIGNALS, SESSION_QUESTIONS, SESSION_ANSWERS);
        return Optional.ofNullable(mongo.findOne(query, Invitation.class));
    }

    /** Revokes only an invitation nobody started; the revocation and its event are one write. */
    Optional<Invitation> revokeIfNotStarted(String tenantId, String invitationId, Revocation revocation,
                                            EventEnvelope<?> revoked) {
        Query query = Query.query(byId(tenantId, invitationId).and(STATUS).is(InvitationStatus.INVITED));
        Update update = new Update()
                .set(STATUS, InvitationStatus.REVOKED)
                .set(REVOCATION, revocation)
                .inc(REVISION, 1);
        Outbox.append(update, revoked);
        query.fields().exclude(TOKEN_HASH, OUTBOX, INTEGRITY_SIGNALS);
        return Optional.ofNullable(mongo.findAndModify(query, update,
                FindAndModifyOptions.options().returnNew(true), Invitation.class));
    }

    public static Criteria byId(String tenantId, String invitationId) {
        return Criteria.where(ID).is(invitationId).and(TENANT).is(tenantId);
    }
}
