package io.hirepipe.defaults.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** The reactive twin of {@link MongoPingHealthIndicator}, for WebFlux services such as the gateway. */
public class ReactiveMongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public ReactiveMongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1))
                .flatMap(answer -> mongo.getMongoDatabase().map(db -> builder.up()
                        .withDetail("database", db.getName()).withDetail("ok", answer.get("ok")).build()));
    }
}
