package io.hirepipe.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as clients read it. Never the secret, except in the one response that creates or
 * rotates it.
 *
 * @param previousSecretExpiresAt while a rotation's overlap lasts, when the previous secret stops signing
 */
public record SubscriptionView(
        String id,
        String url,
        List<String> eventTypes,
        String description,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        Instant createdAt,
        Instant updatedAt,
        Instant failingSince,
        Instant lastSuccessAt,
        Instant previousSecretExpiresAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static SubscriptionView of(WebhookSubscription s, Instant now) {
        return withSecret(s, now, null);
    }

    static SubscriptionView withSecret(WebhookSubscription s, Instant now, String secret) {
        Instant previousExpires = s.signingSecrets(now).stream()
                .map(WebhookSubscription.StoredSecret::expiresAt)
                .filter(e -> e != null)
                .max(Instant::compareTo).orElse(null);
        return new SubscriptionView(s.id(), s.url(), s.eventTypes(), s.description(), s.enabled(),
                s.disabledReason(), s.disabledAt(), s.createdAt(), s.updatedAt(), s.failingSince(),
                s.lastSuccessAt(), previousExpires, secret);
    }
}
