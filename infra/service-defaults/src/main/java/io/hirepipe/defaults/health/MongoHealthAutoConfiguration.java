package io.hirepipe.defaults.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Replaces Boot's MongoDB health contributors (same bean names) with ping-based ones, for blocking
 * and reactive services alike.
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
                "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration"},
        beforeName = {"org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
                "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration"})
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
public class MongoHealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.mongodb.core.MongoTemplate")
    static class Blocking {

        @Bean
        @ConditionalOnBean(MongoTemplate.class)
        @ConditionalOnMissingBean(name = "mongoHealthContributor")
        MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
            return new MongoPingHealthIndicator(mongo);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.mongodb.core.ReactiveMongoTemplate")
    static class Reactive {

        /** Only for services that are reactive through and through; a blocking template is checked above. */
        @Bean
        @ConditionalOnBean(ReactiveMongoTemplate.class)
        @ConditionalOnMissingBean(value = MongoTemplate.class, name = "mongoHealthContributor")
        ReactiveMongoPingHealthIndicator mongoHealthContributor(ReactiveMongoTemplate mongo) {
            return new ReactiveMongoPingHealthIndicator(mongo);
        }
    }
}
