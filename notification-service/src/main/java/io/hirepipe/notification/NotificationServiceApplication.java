package io.hirepipe.notification;

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

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The system resolver; tests replace it with a table to make names resolve to private addresses. */
    @Bean
    @ConditionalOnMissingBean
    HostResolver hostResolver(WebhookProperties webhooks) {
        return new TimeLimitedHostResolver(HostResolver.system(), webhooks.dnsTimeout(), webhooks.dnsLookups());
    }
}
