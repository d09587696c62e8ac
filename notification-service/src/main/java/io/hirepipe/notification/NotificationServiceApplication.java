package io.hirepipe.notification;

import io.hirepipe.defaults.clock.DatabaseAlignedClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import io.hirepipe.notification.webhook.HostResolver;
import io.hirepipe.notification.webhook.TimeLimitedHostResolver;
import io.hirepipe.notification.webhook.WebhookProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Emails candidates their invitations and recruiters their scored reports, once per event and
 * recipient, and delivers signed webhooks to tenants' subscriptions with durable retries.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }

    /**
     * Email sends, webhook attempts and the retention run are leased among instances until a deadline: timed on the
     * database's clock, so an instance whose own clock runs ahead cannot take a lease another still holds.
     */
    @Bean
    Clock clock(MongoTemplate mongo, @Value("${hirepipe.database-clock.realign-every:30s}") Duration realignEvery) {
        return DatabaseAlignedClock.of(mongo, realignEvery);
    }

    /** The system resolver; tests replace it with a table to make names resolve to private addresses. */
    @Bean
    @ConditionalOnMissingBean
    HostResolver hostResolver(WebhookProperties webhooks) {
        return new TimeLimitedHostResolver(HostResolver.system(), webhooks.dnsTimeout(), webhooks.dnsLookups());
    }
}
