package io.hirepipe.assessment.invitation;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.hirepipe.assessment.invitation.InvitationFields.ACTIVE_KEY;
import static io.hirepipe.assessment.invitation.InvitationFields.CREATED_AT;
import static io.hirepipe.assessment.invitation.InvitationFields.EXTERNAL_REFERENCE;
import static io.hirepipe.assessment.invitation.InvitationFields.TEST_ID;
import static io.hirepipe.assessment.invitation.InvitationFields.DEADLINE;
import static io.hirepipe.assessment.invitation.InvitationFields.SESSION_ID;
import static io.hirepipe.assessment.invitation.InvitationFields.STATUS;
import static io.hirepipe.assessment.invitation.InvitationFields.TENANT;
import static io.hirepipe.assessment.invitation.InvitationFields.TOKEN_HASH;

/** The indexes the queries of this service rely on, created at start-up before requests arrive. */
@Component
class InvitationIndexes implements SmartInitializingSingleton {

    /** Indexes earlier versions created that no query needs any more; dropped where they exist. */
    static final List<String> UNUSED = List.of("tenant_id", "tenant_id_revision");

    private final MongoTemplate mongo;

    InvitationIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        IndexOperations indexes = mongo.indexOps(Invitation.class);
        // Redeeming finds the invitation by the hash of its token; two invitations never share one.
        indexes.createIndex(new Index(TOKEN_HASH, Sort.Direction.ASC).unique().named("token_hash"));
        // A recruiter's list: the tenant's invitations, newest first.
        indexes.createIndex(new Index(TENANT, Sort.Direction.ASC).on(CREATED_AT, Sort.Direction.DESC)
                .named("tenant_newest"));
        // The list filtered by status (INVITED/EXPIRED also compare expiresAt), newest first.
        indexes.createIndex(new Index(TENANT, Sort.Direction.ASC).on(STATUS, Sort.Direction.ASC)
                .on(CREATED_AT, Sort.Direction.DESC).named("tenant_status_newest"));
        // The list filtered by test, newest first.
        indexes.createIndex(new Index(TENANT, Sort.Direction.ASC).on(TEST_ID, Sort.Direction.ASC)
                .on(CREATED_AT, Sort.Direction.DESC).named("tenant_test_newest"));
        // A platform client finding its invitation by its own reference.
        indexes.createIndex(new Index(TENANT, Sort.Direction.ASC).on(EXTERNAL_REFERENCE, Sort.Direction.ASC)
                .on(CREATED_AT, Sort.Direction.DESC).named("tenant_reference_newest"));
        // One active invitation per candidate and test, enforced by the database under concurrent creates;
        // sparse, because ended invitations drop the key and must not collide.
        indexes.createIndex(new Index(ACTIVE_KEY, Sort.Direction.ASC).unique().sparse().named("active_candidate_test"));
        // The expiry sweep: active sessions by deadline.
        indexes.createIndex(new Index(STATUS, Sort.Direction.ASC).on(DEADLINE, Sort.Direction.ASC)
                .named("status_deadline"));
        // Reads and writes of one invitation name its id and tenant (and, for a write that must find it unchanged,
        // its revision). MongoDB answers them through _id alone, and so does the local stack's embedded server
        // (IdPlannedH2Backend). Earlier versions kept unique indexes on tenant + _id (+ revision) for that server;
        // every save then had to move its entry in an index keyed by the revision it bumps, for no read.
        for (String unused : UNUSED) {
            if (indexes.getIndexInfo().stream().anyMatch(index -> unused.equals(index.getName()))) {
                indexes.dropIndex(unused);
            }
        }
        // Results name the session.
        indexes.createIndex(new Index(TENANT, Sort.Direction.ASC).on(SESSION_ID, Sort.Direction.ASC)
                .named("tenant_session"));
    }
}
