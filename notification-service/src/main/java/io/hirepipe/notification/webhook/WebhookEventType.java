package io.hirepipe.notification.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The event types a subscription can ask for, by the names receivers see in {@code type}. */
public enum WebhookEventType {
    INVITATION_CREATED("invitation.created", Reads.INVITATIONS),
    ASSESSMENT_STARTED("assessment.started", Reads.INVITATIONS),
    ASSESSMENT_SUBMITTED("assessment.submitted", Reads.INVITATIONS),
    /** May be provisional: act on a score only when {@code provisional} is false, or on assessment.finalized. */
    ASSESSMENT_SCORED("assessment.scored", Reads.RESULTS),
    SCORE_ADJUSTED("score.adjusted", Reads.RESULTS),
    ASSESSMENT_FINALIZED("assessment.finalized", Reads.RESULTS),
    INVITATION_REVOKED("invitation.revoked", Reads.INVITATIONS),
    INVITATION_EXPIRED("invitation.expired", Reads.INVITATIONS);

    /** The API key scopes whose data the events carry (an invitation's state; a score). */
    private static final class Reads {
        static final String INVITATIONS = "invitations:read";
        static final String RESULTS = "results:read";
    }

    /** What a test ping carries: never subscribed to, always deliverable. */
    public static final String TEST = "webhook.test";

    private final String wireName;
    private final String readScope;

    WebhookEventType(String wireName, String readScope) {
        this.wireName = wireName;
        this.readScope = readScope;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * The scope an API key needs to subscribe to this event: the one that reads what the event carries, so that
     * {@code webhooks:manage} alone does not deliver scores or invitations the key could not read through the API.
     */
    public String readScope() {
        return readScope;
    }

    public static Optional<WebhookEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}
