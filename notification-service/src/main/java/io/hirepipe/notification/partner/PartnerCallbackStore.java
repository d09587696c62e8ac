package io.hirepipe.notification.partner;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The partner callback records; every read and write is within one tenant. */
@Component
class PartnerCallbackStore {

    private final MongoTemplate mongo;

    PartnerCallbackStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<PartnerCallback> find(String tenantId, String invitationId) {
        return Optional.ofNullable(mongo.findOne(byId(tenantId, invitationId), PartnerCallback.class));
    }

    /**
     * Creates or updates the invitation's record and returns it as it is now. A record of the same
     * id in another tenant is never touched (the insert that would follow is refused by the unique
     * id), nor is one {@code onlyIf} excludes.
     */
    Optional<PartnerCallback> upsert(String tenantId, String invitationId, Criteria onlyIf, Update update) {
        Query query = byId(tenantId, invitationId);
        if (onlyIf != null) {
            query.addCriteria(onlyIf);
        }
        try {
            return Optional.ofNullable(mongo.findAndModify(query, update.setOnInsert("tenantId", tenantId),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), PartnerCallback.class));
        } catch (DuplicateKeyException alreadyThere) {
            return find(tenantId, invitationId);
        }
    }

    private static Query byId(String tenantId, String invitationId) {
        return Query.query(Criteria.where("_id").is(invitationId).and("tenantId").is(tenantId));
    }
}
