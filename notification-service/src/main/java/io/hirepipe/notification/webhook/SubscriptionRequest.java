package io.hirepipe.notification.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A subscription as a client writes it, on create and on update (a full replacement).
 *
 * @param eventTypes the {@link WebhookEventType} wire names; the API description lists them (a test keeps the list
 *                   there equal to the enum)
 * @param enabled on update only: false pauses deliveries, true resumes them; null leaves it as it is
 * @param alertEmail who is emailed if Hirepipe disables the subscription (410, failing for days); by default the
 *                   person who created it. On update, null keeps the address it has
 */
public record SubscriptionRequest(
        @Schema(example = "https://hooks.acme.example/hirepipe") @NotBlank @Size(max = 2000) String url,
        @ArraySchema(schema = @Schema(example = "assessment.finalized", allowableValues = {"invitation.created", "assessment.started", "assessment.submitted", "assessment.scored",
                "score.adjusted", "assessment.finalized", "invitation.revoked", "invitation.expired"})) @NotEmpty @Size(max = 20, message = "must have at most {max} entries") List<@NotBlank String> eventTypes,
        @Schema(example = "Push completed assessments to our ATS") @Size(max = 500) String description,
        Boolean enabled,
        @Schema(example = "integrations@acme.example") @Email @Size(max = 320) String alertEmail) {

    /**
     * Spring MVC logs bodies by toString at DEBUG; a record's would print the URL (which may carry the receiver's own
     * token) and the alert address.
     */
    @Override
    public String toString() {
        return "SubscriptionRequest[eventTypes=" + eventTypes + ", enabled=" + enabled + ", url and alertEmail hidden]";
    }
}
