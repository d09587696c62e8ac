package io.hirepipe.defaults.clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;

/**
 * One database-aligned clock per service, for the leases its instances take from each other (the outbox relay's, and
 * whatever else the service times on it). Injected by name only ({@value #BEAN}): a service's own {@code Clock},
 * which its tests move by hand, stays the one injected by type.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        beforeName = "io.hirepipe.defaults.outbox.OutboxAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
public class DatabaseClockAutoConfiguration {

    public static final String BEAN = "databaseClock";

    @Bean(name = BEAN, defaultCandidate = false)
    @ConditionalOnBean(MongoTemplate.class)
    DatabaseAlignedClock databaseClock(MongoTemplate mongo,
                                       @Value("${hirepipe.database-clock.realign-every:30s}") Duration realignEvery) {
        return DatabaseAlignedClock.of(mongo, realignEvery);
    }
}
