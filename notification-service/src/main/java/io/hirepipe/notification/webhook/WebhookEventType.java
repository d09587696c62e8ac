package io.hirepipe.notification.webhook;

import io.hirepipe.defaults.security.ApiScope;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The event types a subscription can ask for, by the names receivers see in {@code type}. */
public enum WebhookEventType {
    INVITATION_CREATED("invitation.created", ApiScope.INVITATIONS_READ),
    ASSESSMENT_STARTED("assessment.started", ApiScope.INVITATIONS_READ),
    ASSESSMENT_SUBMITTED("assessment.submitted", ApiScope.INVITATIONS_READ),
    /** May be provisional: act on a score only when {@code provisional} is false, or on assessment.finalized. */
    ASSESSMENT_SCORED("assessment.scored", ApiScope.RESULTS_READ),
    SCORE_ADJUSTED("score.adjusted", ApiScope.RESULTS_READ),
    ASSESSMENT_FINALIZED("assessment.finalized", ApiScope.RESULTS_READ),
    INVITATION_REVOKED("invitation.revoked", ApiScope.INVITATIONS_READ),
    INVITATION_EXPIRED("invitation.expired", ApiScope.INVITATIONS_READ);

    /** What a test ping carries: never subscribed to, always deliverable. */
    public static final String TEST = "webhook.test";

    private final String wireName;
    private final ApiScope readScope;

    WebhookEventType(String wireName, ApiScope readScope) {
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
    public ApiScope readScope() {
        return readScope;
    }

    /**
     * The type a client's request names, read as a subscription stores it: without surrounding blanks. The
     * validation and the API key's scope check both read names through this, so the check can never pass over a
     * name (" assessment.scored") that is then stored as another ("assessment.scored").
     */
    public static Optional<WebhookEventType> requested(String name) {
        String wire = name.strip();
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wire)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}
