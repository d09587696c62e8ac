package io.hirepipe.notification;

import io.hirepipe.defaults.clock.DatabaseClockAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import io.hirepipe.notification.webhook.HostResolver;
import io.hirepipe.notification.webhook.TimeLimitedHostResolver;
import io.hirepipe.notification.webhook.WebhookProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

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
    Clock clock(@Qualifier(DatabaseClockAutoConfiguration.BEAN) Clock databaseClock) {
        return databaseClock;
    }

    /** The system resolver; tests replace it with a table to make names resolve to private addresses. */
    @Bean
    @ConditionalOnMissingBean
    HostResolver hostResolver(WebhookProperties webhooks) {
        return new TimeLimitedHostResolver(HostResolver.system(), webhooks.dnsTimeout(), webhooks.dnsLookups());
    }
}
