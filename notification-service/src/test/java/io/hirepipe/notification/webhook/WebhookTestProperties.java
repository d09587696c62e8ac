package io.hirepipe.notification.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.List;

final class WebhookTestProperties {

    private WebhookTestProperties() {
    }

    static WebhookProperties withKey(String key) {
        return new WebhookProperties(key, false, URI.create("https://hirepipe.example"), Duration.ofSeconds(5),
                Duration.ofSeconds(10), List.of(Duration.ofSeconds(5)), 0.2, Duration.ofDays(5), Duration.ofHours(24),
                2, 1, Duration.ofSeconds(1), Duration.ofSeconds(60), 20, Duration.ofHours(8), 1,
                Duration.ofSeconds(2), 4);
    }
}
