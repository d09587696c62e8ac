package io.hirepipe.notification.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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
        @Schema(example = "whk_3Rt7Wp4Kd2Xq8Lm") String id,
        @Schema(example = "https://hooks.acme.example/hirepipe") String url,
        @ArraySchema(schema = @Schema(example = "assessment.finalized", allowableValues = {"invitation.created", "assessment.started", "assessment.submitted", "assessment.scored",
                "score.adjusted", "assessment.finalized", "invitation.revoked", "invitation.expired"})) List<String> eventTypes,
        @Schema(example = "Push completed assessments to our ATS") String description,
        boolean enabled,
        @Schema(example = "Failing for more than 5 days") String disabledReason,
        Instant disabledAt,
        Instant createdAt,
        Instant updatedAt,
        Instant failingSince,
        Instant lastSuccessAt,
        Instant previousSecretExpiresAt,
        @Schema(example = "integrations@acme.example") String alertEmail,
        @Schema(example = "whsec_MfKQ9r8GKYqXt3vN7Lw2Pz5Hb6Jc4Ds1") @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    /**
     * Spring MVC logs response bodies by toString at DEBUG; a record's would print the secret, and the URL
     * (which may carry the receiver's own token).
     */
    @Override
    public String toString() {
        return "SubscriptionView[id=" + id + ", enabled=" + enabled + ", secret " + (secret == null ? "absent" : "hidden")
                + "]";
    }

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
                s.lastSuccessAt(), previousExpires, s.alertEmail(), secret);
    }
}
