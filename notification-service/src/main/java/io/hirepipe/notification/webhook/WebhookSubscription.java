package io.hirepipe.notification.webhook;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's webhook endpoint.
 *
 * @param secrets        encrypted; the newest first. An older one stays until its {@code expiresAt}
 *                       (a rotation's overlap), so receivers can switch without losing a delivery
 * @param failingSince   when the first failed attempt after the last success happened; null while healthy
 * @param disabledReason why the service disabled it (410, failing for days), or that a user did
 * @param alertEmail     who is told when the service disables it; null: the tenant's contact last seen
 */
@Document(WebhookSubscription.COLLECTION)
public record WebhookSubscription(
        @Id String id,
        String tenantId,
        String url,
        List<String> eventTypes,
        String description,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        List<StoredSecret> secrets,
        Instant createdAt,
        Instant updatedAt,
        Instant failingSince,
        Instant lastSuccessAt,
        String alertEmail) {

    public static final String COLLECTION = "webhook_subscriptions";

    public WebhookSubscription {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    /**
     * How the subscription's endpoint is named wherever people other than its administrators may read it (the
     * audit log, the disabled notice and so the email log): by its host alone, as a receiver's path or query often
     * carries its own secret (a token parameter, a path like Slack's).
     */
    static String hostOf(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException notAUri) {
            return "";
        }
    }

    /** The secrets that sign right now: the current one and any still inside its overlap. */
    public List<StoredSecret> signingSecrets(Instant now) {
        return secrets.stream().filter(s -> s.expiresAt() == null || s.expiresAt().isAfter(now)).toList();
    }

    /** @param expiresAt null for the current secret; set when a rotation replaces it */
    public record StoredSecret(String encrypted, Instant createdAt, Instant expiresAt) {
    }
}
