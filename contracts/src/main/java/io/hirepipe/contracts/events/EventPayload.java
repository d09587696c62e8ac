package io.hirepipe.contracts.events;

/**
 * The payload of an {@link io.hirepipe.contracts.EventEnvelope}. Sealed so that every event the
 * system speaks is declared here, in contracts, and nowhere else.
 */
public sealed interface EventPayload
        permits QuestionPublished, QuestionRetired,
                InvitationCreated, InvitationRevoked, InvitationExpired, AssessmentStarted, PartnerTestSent,
                PartnerResultReady,
                AssessmentSubmitted,
                AssessmentScored, ScoreAdjusted, AssessmentFinalized,
                PrivacySettingsChanged, CandidateErasureRequested, CandidateErasureCompleted,
                InvitationResent, AuditRecorded,
                UnrecognizedEvent {

    /** The Kafka record key: keeps every event of one aggregate on one partition, in order. */
    String partitionKey();
}
