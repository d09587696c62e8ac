package io.hirepipe.contracts;

import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentStarted;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.contracts.events.CandidateErasureCompleted;
import io.hirepipe.contracts.events.CandidateErasureRequested;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationExpired;
import io.hirepipe.contracts.events.InvitationResent;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.PartnerResultReady;
import io.hirepipe.contracts.events.PartnerTestSent;
import io.hirepipe.contracts.events.PrivacySettingsChanged;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.contracts.events.QuestionRetired;
import io.hirepipe.contracts.events.ScoreAdjusted;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type: its name on the wire (never a Java class name), its payload record, its
 * current schema version and the topic it travels on.
 *
 * <p>A type's schema version goes up when its fields change compatibly (fields added, an integer
 * widened to a decimal); readers accept every version of a topic, so producers and consumers can be
 * upgraded in any order. A new enum value is compatible only where its enum names a cautious default
 * ({@code @JsonEnumDefaultValue}); otherwise its consumers are upgraded first. A breaking payload change means a
 * new topic version instead.
 */
public enum EventType {
    /** v2: key point examples, rubric misconceptions, choiceScoring. */
    QUESTION_PUBLISHED("QuestionPublished", QuestionPublished.class, Topics.QUESTIONS, 2),
    QUESTION_RETIRED("QuestionRetired", QuestionRetired.class, Topics.QUESTIONS, 1),
    /** v2: sealedAccessUrl replaces the plain accessUrl (no longer filled); v3: the candidate's extraTimeMinutes. */
    INVITATION_CREATED("InvitationCreated", InvitationCreated.class, Topics.INVITATIONS, 3),
    INVITATION_REVOKED("InvitationRevoked", InvitationRevoked.class, Topics.INVITATIONS, 1),
    INVITATION_EXPIRED("InvitationExpired", InvitationExpired.class, Topics.INVITATIONS, 1),
    ASSESSMENT_STARTED("AssessmentStarted", AssessmentStarted.class, Topics.INVITATIONS, 1),
    /** An ATS partner (Greenhouse) sent the invitation and named its completion callback. */
    PARTNER_TEST_SENT("PartnerTestSent", PartnerTestSent.class, Topics.INVITATIONS, 1),
    /**
     * assessment-service applied a partner-sent invitation's final result (or a change to it): the partner may be
     * told. On the invitations topic, keyed by invitation, so it follows that invitation's PartnerTestSent.
     */
    PARTNER_RESULT_READY("PartnerResultReady", PartnerResultReady.class, Topics.INVITATIONS, 1),
    /** v2: optional externalReference, timeTakenSeconds and integrity counts (and testVersion, drawnFromPools). */
    ASSESSMENT_SUBMITTED("AssessmentSubmitted", AssessmentSubmitted.class, Topics.SUBMISSIONS, 2),
    /** v2: decimal points, item status and evidence, provisional and reviewCount; v4: each item's reviewReasons. */
    ASSESSMENT_SCORED("AssessmentScored", AssessmentScored.class, Topics.RESULTS, 4),
    /**
     * v2: decimal points, the machine's item points, provisional, and who the session is for; v3: the item's points
     * before this adjustment.
     */
    SCORE_ADJUSTED("ScoreAdjusted", ScoreAdjusted.class, Topics.RESULTS, 3),
    ASSESSMENT_FINALIZED("AssessmentFinalized", AssessmentFinalized.class, Topics.RESULTS, 1),
    /** A tenant's retention and privacy contact, the whole state each time. */
    PRIVACY_SETTINGS_CHANGED("PrivacySettingsChanged", PrivacySettingsChanged.class, Topics.PRIVACY, 1),
    CANDIDATE_ERASURE_REQUESTED("CandidateErasureRequested", CandidateErasureRequested.class, Topics.PRIVACY, 1),
    CANDIDATE_ERASURE_COMPLETED("CandidateErasureCompleted", CandidateErasureCompleted.class, Topics.PRIVACY, 1),
    /**
     * A recruiter sent the invitation again with a new token; the link travels sealed as in InvitationCreated v2.
     * v2: the candidate's extraTimeMinutes.
     */
    INVITATION_RESENT("InvitationResent", InvitationResent.class, Topics.INVITATIONS, 2),
    /** An action for the tenant's audit log (the gateway stores it). */
    AUDIT_RECORDED("AuditRecorded", AuditRecorded.class, Topics.AUDIT, 1);

    /** The version of an envelope that does not say: every type started at 1. */
    public static final int SCHEMA_VERSION = 1;

    private final String wireName;
    private final Class<? extends EventPayload> payloadType;
    private final String topic;
    private final int schemaVersion;

    EventType(String wireName, Class<? extends EventPayload> payloadType, String topic, int schemaVersion) {
        this.wireName = wireName;
        this.payloadType = payloadType;
        this.topic = topic;
        this.schemaVersion = schemaVersion;
    }

    /** The schema version this build writes. */
    public int schemaVersion() {
        return schemaVersion;
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
