package io.hirepipe.defaults.privacy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;

/**
 * Retention and erasure for a service that holds candidate data: it declares a {@link CandidateDataEraser}
 * bean and gets the tenants' settings, the privacy topic's listener and the daily retention job.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@ConditionalOnBean({CandidateDataEraser.class, MongoTemplate.class, KafkaTemplate.class})
public class PrivacyAutoConfiguration {

    @Bean
    PrivacySettingsReplica privacySettingsReplica(MongoTemplate mongo) {
        return new PrivacySettingsReplica(mongo);
    }

    @Bean
    PrivacyEventsListener privacyEventsListener(Environment environment, PrivacySettingsReplica settings,
                                                CandidateDataEraser eraser, ObjectProvider<ErasureCompletions> completions,
                                                KafkaTemplate<Object, Object> kafka, ObjectProvider<Clock> clock) {
        return new PrivacyEventsListener(environment.getRequiredProperty("spring.application.name"), settings, eraser,
                completions.getIfAvailable(), kafka, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    RetentionJob privacyRetentionJob(PrivacySettingsReplica settings, CandidateDataEraser eraser, MongoTemplate mongo,
                                     ObjectProvider<Clock> clock) {
        return new RetentionJob(settings, eraser, mongo, clock.getIfAvailable(Clock::systemUTC));
    }
}
