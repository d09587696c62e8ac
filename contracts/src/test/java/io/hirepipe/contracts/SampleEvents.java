package io.hirepipe.contracts;

import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentStarted;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.contracts.events.CandidateErasureCompleted;
import io.hirepipe.contracts.events.CandidateErasureRequested;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationExpired;
import io.hirepipe.contracts.events.IntegrityCounts;
import io.hirepipe.contracts.events.InvitationResent;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.ItemEvidence;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.KeyPoint;
import io.hirepipe.contracts.events.Misconception;
import io.hirepipe.contracts.events.PartnerResultReady;
import io.hirepipe.contracts.events.PartnerTestSent;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.PrivacySettingsChanged;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.contracts.events.QuestionRetired;
import io.hirepipe.contracts.events.Rubric;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One realistic payload per event type. */
final class SampleEvents {

    static final Instant T0 = Instant.parse("2026-11-27T10:15:30.123Z");
    static final Person CANDIDATE = new Person("Ada Lovelace", "ada@example.com");

    private SampleEvents() {
    }

    static EventPayload of(EventType type) {
        return switch (type) {
            case QUESTION_PUBLISHED -> new QuestionPublished("q-1", 2, QuestionKind.FREE_TEXT,
                    "Replication vs sharding", "Explain the difference between replication and sharding.",
                    List.of(), List.of(),
                    new Rubric(List.of(
                            new KeyPoint("kp-1", "Replication copies data", List.of("copies of the data", "replica"), 2,
                                    List.of("Every replica holds a full copy of the data.")),
                            new KeyPoint("kp-2", "Sharding splits data", List.of("split", "shard key"), 2)),
                            List.of(new Misconception("mc-1", "Sharding copies all data to every node",
                                    List.of("shard copies all data"), 1))),
                    4, List.of("databases"), ChoiceScoring.ALL_OR_NOTHING);
            case QUESTION_RETIRED -> new QuestionRetired("q-1", 2);
            case INVITATION_CREATED -> new InvitationCreated("inv-1", "test-1", "Backend fundamentals", CANDIDATE,
                    "rita@example.com", null, 30, T0.plusSeconds(86_400), "eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0.k.iv.ct.tag", 15);
            case INVITATION_REVOKED -> new InvitationRevoked("inv-1", "position filled");
            case INVITATION_EXPIRED -> new InvitationExpired("inv-1", "test-1", Instant.parse("2026-03-08T17:00:00Z"));
            case PARTNER_TEST_SENT -> new PartnerTestSent("inv-1", "greenhouse", "inv-1",
                    "https://app.greenhouse.io/integrations/testing_partners/take_home_tests/12345",
                    "eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0.k.iv.ct.tag", T0);
            case PARTNER_RESULT_READY -> new PartnerResultReady("inv-1", "ses-1", "greenhouse", 2, T0.plusSeconds(7200));
            case ASSESSMENT_STARTED -> new AssessmentStarted("inv-1", "ses-1", T0, T0.plusSeconds(1800));
            case ASSESSMENT_SUBMITTED -> new AssessmentSubmitted("ses-1", "inv-1", "test-1", "Backend fundamentals",
                    CANDIDATE, "rita@example.com", 60, SubmitReason.TIMEOUT, T0, T0.plusSeconds(1800),
                    List.of(new SubmittedAnswer("q-1", 2, List.of(), "Replicas hold copies of the data",
                                    "Replication vs sharding"),
                            new SubmittedAnswer("q-2", 1, List.of("b", "c"), null, "Index structures")), 3, true,
                    "ats-4711", 1800L, new IntegrityCounts(2, 1, 3, 0));
            case ASSESSMENT_SCORED -> new AssessmentScored("ses-1", "inv-1", "test-1", "Backend fundamentals",
                    CANDIDATE, "rita@example.com", new BigDecimal("2.50"), 5, 50.0, 50, true, SubmitReason.CANDIDATE,
                    List.of(new ItemScore("q-1", 2, QuestionKind.FREE_TEXT, new BigDecimal("2.00"), 4, List.of("kp-1"),
                                    "Replication vs sharding", ItemStatus.NEEDS_REVIEW, new ItemEvidence(
                                            List.of(new ItemEvidence.Point("kp-1", "Replication copies data")),
                                            List.of(),
                                            List.of(new ItemEvidence.Point("kp-2", "Sharding splits data")),
                                            List.of(), 0.42, List.of("the score lies on the boundary between two grades"))),
                            new ItemScore("q-2", 1, QuestionKind.MULTI_CHOICE, new BigDecimal("0.50"), 1, List.of(),
                                    "Index structures", ItemStatus.SCORED, null)),
                    T0.plusSeconds(1805), true, 1, T0.plusSeconds(1800));
            case SCORE_ADJUSTED -> new ScoreAdjusted("ses-1", "q-1", new BigDecimal("3.50"),
                    "mentions shard keys in other words", "rita@example.com", new BigDecimal("4.00"), 5, 80.0, true,
                    T0.plusSeconds(7200), new BigDecimal("2.00"), "Replication vs sharding", false, 0, "inv-1",
                    "Backend fundamentals", CANDIDATE, "rita@example.com", new BigDecimal("3.00"));
            case ASSESSMENT_FINALIZED -> new AssessmentFinalized("ses-1", "inv-1", "test-1", "Backend fundamentals",
                    CANDIDATE, "rita@example.com", new BigDecimal("4.00"), 5, 80.0, 50, true, 1, 1,
                    "rita@example.com", T0.plusSeconds(7300));
            case PRIVACY_SETTINGS_CHANGED -> new PrivacySettingsChanged("tenant-1", 180, "Data Protection Office",
                    "privacy@acme.example", 3, T0);
            case CANDIDATE_ERASURE_REQUESTED -> new CandidateErasureRequested("era-1", List.of("inv-1"),
                    List.of("ses-1"), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", T0);
            case CANDIDATE_ERASURE_COMPLETED -> new CandidateErasureCompleted("era-1", "scoring-service",
                    Map.of("results", 1L, "parked_submissions", 0L), T0.plusSeconds(2));
            case INVITATION_RESENT -> new InvitationResent("inv-1", "test-1", "Backend fundamentals", CANDIDATE,
                    "rita@example.com", 30, T0.plusSeconds(86_400), "eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0.k.iv.ct.tag", 15);
            case AUDIT_RECORDED -> new AuditRecorded("score.adjusted", "usr-1", "RECRUITER", "rita@example.com",
                    "session", "ses-1", AuditRecorded.SUCCESS, Map.of("questionId", "q-1", "reason", "shard keys"),
                    T0, "tenant-1");
        };
    }
}
