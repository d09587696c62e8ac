package io.hirepipe.contracts;

import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentStarted;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.contracts.events.QuestionRetired;
import io.hirepipe.contracts.events.ScoreAdjusted;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type: its name on the wire (never a Java class name), its payload record, its
 * current schema version and the topic it travels on.
 */
public enum EventType {
    QUESTION_PUBLISHED("QuestionPublished", QuestionPublished.class, Topics.QUESTIONS),
    QUESTION_RETIRED("QuestionRetired", QuestionRetired.class, Topics.QUESTIONS),
    INVITATION_CREATED("InvitationCreated", InvitationCreated.class, Topics.INVITATIONS),
    INVITATION_REVOKED("InvitationRevoked", InvitationRevoked.class, Topics.INVITATIONS),
    ASSESSMENT_STARTED("AssessmentStarted", AssessmentStarted.class, Topics.INVITATIONS),
    ASSESSMENT_SUBMITTED("AssessmentSubmitted", AssessmentSubmitted.class, Topics.SUBMISSIONS),
    ASSESSMENT_SCORED("AssessmentScored", AssessmentScored.class, Topics.RESULTS),
    SCORE_ADJUSTED("ScoreAdjusted", ScoreAdjusted.class, Topics.RESULTS);

    /** Every type starts at schema version 1; a breaking payload change means a new topic version. */
    public static final int SCHEMA_VERSION = 1;

    private final String wireName;
    private final Class<? extends EventPayload> payloadType;
    private final String topic;

    EventType(String wireName, Class<? extends EventPayload> payloadType, String topic) {
        this.wireName = wireName;
        this.payloadType = payloadType;
        this.topic = topic;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public String topic() {
        return topic;
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType.isInstance(payload))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "No event type for payload " + payload.getClass().getSimpleName()));
    }
}
