package io.hirepipe.gateway.identity;

import io.hirepipe.gateway.apikey.ApiKey;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The gateway's indexes, declared here and created before the first request or bootstrap write. */
@Component
public class IdentityIndexes {

    private final ReactiveMongoTemplate mongo;

    public IdentityIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> ensure() {
        return Mono.when(
                mongo.indexOps(RecruiterUser.COLLECTION)
                        .createIndex(new Index("email", Sort.Direction.ASC).unique().named("email_unique")),
                mongo.indexOps(RecruiterUser.COLLECTION)
                        .createIndex(new Index("tenantId", Sort.Direction.ASC).named("tenant")),
                mongo.indexOps(ApiKey.COLLECTION)
                        .createIndex(new Index("tenantId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                                .named("tenant_created")),
                mongo.indexOps("refresh_tokens")
                        .createIndex(new Index("familyId", Sort.Direction.ASC).named("family")),
                // Deactivation and a new password end every sign-in of a user, and void their links.
                mongo.indexOps("refresh_tokens")
                        .createIndex(new Index("userId", Sort.Direction.ASC).named("user")),
                mongo.indexOps("browser_sessions")
                        .createIndex(new Index("userId", Sort.Direction.ASC).named("user")),
                mongo.indexOps("password_links")
                        .createIndex(new Index("userId", Sort.Direction.ASC).named("user")));
    }
}
