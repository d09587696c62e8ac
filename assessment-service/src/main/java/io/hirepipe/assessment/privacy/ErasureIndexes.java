package io.hirepipe.assessment.privacy;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The admin's list of erasure requests: the tenant's, newest first. */
@Component
class ErasureIndexes implements SmartInitializingSingleton {

    private final MongoTemplate mongo;

    ErasureIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Erasure.class).createIndex(new Index("tenantId", Sort.Direction.ASC)
                .on("requestedAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC).named("tenant_newest"));
    }
}
