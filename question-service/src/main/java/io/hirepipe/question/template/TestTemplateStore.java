package io.hirepipe.question.template;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Tests are written once and never changed, so plain inserts and tenant-scoped reads suffice. */
@Component
class TestTemplateStore implements InitializingBean {

    private final MongoTemplate mongo;

    TestTemplateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(TestTemplateDocument.class).createIndex(new Index()
                .on("tenantId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC).named("tenant_newest"));
    }

    void insert(TestTemplateDocument test) {
        mongo.insert(test);
    }

    Optional<TestTemplateDocument> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)), TestTemplateDocument.class));
    }

    /** Newest first. */
    List<TestTemplateDocument> list(String tenantId, int limit) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId))
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(limit), TestTemplateDocument.class);
    }
}
