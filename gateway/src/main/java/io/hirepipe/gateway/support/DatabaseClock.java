package io.hirepipe.gateway.support;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * The database server's time, the one clock every gateway instance reads alike. A lease that instances take from
 * each other is timed on it, so an instance whose own clock runs ahead cannot end another's lease early.
 */
@Component
public class DatabaseClock {

    private final ReactiveMongoTemplate mongo;

    public DatabaseClock(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Instant> now() {
        // isMaster rather than hello: both answer with localTime, and the embedded test server knows only isMaster.
        return mongo.executeCommand(new Document("isMaster", 1)).map(reply -> reply.getDate("localTime").toInstant());
    }
}
