package io.hirepipe.defaults.privacy;

import io.hirepipe.defaults.outbox.OutboxProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Retention and erasure for a service that holds candidate data: it declares a {@link CandidateDataEraser}
 * bean and gets the tenants' settings, the privacy topic's listener, the tombstones of erased candidates
 * with the guard its consumers use, and the daily retention job.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "io.hirepipe.defaults.outbox.OutboxAutoConfiguration"})
@ConditionalOnBean({CandidateDataEraser.class, MongoTemplate.class, KafkaTemplate.class})
public class PrivacyAutoConfiguration {

    @Bean
    PrivacySettingsReplica privacySettingsReplica(MongoTemplate mongo) {
        return new PrivacySettingsReplica(mongo);
    }

    @Bean(initMethod = "createIndexes")
    ErasedCandidates erasedCandidates(MongoTemplate mongo,
                                      @Value("${hirepipe.privacy.tombstone-key:}") String key,
                                      @Value("${hirepipe.privacy.tombstone-retention:90d}") Duration retention) {
        return new ErasedCandidates(mongo, key, retention);
    }

    @Bean
    ErasureAnswers erasureAnswers(MongoTemplate mongo, ObjectProvider<OutboxProperties> outbox) {
        OutboxProperties properties = outbox.getIfAvailable();
        if (properties == null || !properties.collections().contains(ErasureAnswers.COLLECTION)) {
            // without the relay reading it, erasures would never be reported done
            throw new IllegalStateException("hirepipe.outbox.collections must list " + ErasureAnswers.COLLECTION
                    + ": this service answers erasure requests through its outbox");
        }
        return new ErasureAnswers(mongo);
    }

    @Bean
    LateCandidateEvents lateCandidateEvents(ErasedCandidates erased, CandidateDataEraser eraser,
                                            ObjectProvider<Clock> clock) {
        return new LateCandidateEvents(erased, eraser, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    PrivacyEventsListener privacyEventsListener(Environment environment, PrivacySettingsReplica settings,
                                                CandidateDataEraser eraser, ObjectProvider<ErasureCompletions> completions,
                                                ErasedCandidates erased, ErasureAnswers answers, ObjectProvider<Clock> clock) {
        return new PrivacyEventsListener(environment.getRequiredProperty("spring.application.name"), settings, eraser,
                completions.getIfAvailable(), erased, answers, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    RetentionJob privacyRetentionJob(PrivacySettingsReplica settings, CandidateDataEraser eraser, MongoTemplate mongo,
                                     ObjectProvider<Clock> clock) {
        return new RetentionJob(settings, eraser, mongo, clock.getIfAvailable(Clock::systemUTC));
    }
}
