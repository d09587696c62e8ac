package io.hirepipe.notification.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The event types a subscription can ask for, by the names receivers see in {@code type}. */
public enum WebhookEventType {
    INVITATION_CREATED("invitation.created"),
    ASSESSMENT_STARTED("assessment.started"),
    ASSESSMENT_SUBMITTED("assessment.submitted"),
    /** May be provisional: act on a score only when {@code provisional} is false, or on assessment.finalized. */
    ASSESSMENT_SCORED("assessment.scored"),
    SCORE_ADJUSTED("score.adjusted"),
    ASSESSMENT_FINALIZED("assessment.finalized"),
    INVITATION_REVOKED("invitation.revoked"),
    INVITATION_EXPIRED("invitation.expired");

    /** What a test ping carries: never subscribed to, always deliverable. */
    public static final String TEST = "webhook.test";

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}
