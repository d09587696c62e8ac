package io.hirepipe.contracts;

import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentStarted;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.KeyPoint;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.contracts.events.QuestionRetired;
import io.hirepipe.contracts.events.Rubric;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;

import java.time.Instant;
import java.util.List;

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
                            new KeyPoint("kp-1", "Replication copies data", List.of("copies of the data", "replica"), 2),
                            new KeyPoint("kp-2", "Sharding splits data", List.of("split", "shard key"), 2))),
                    4, List.of("databases"));
            case QUESTION_RETIRED -> new QuestionRetired("q-1", 2);
            case INVITATION_CREATED -> new InvitationCreated("inv-1", "test-1", "Backend fundamentals", CANDIDATE,
                    "rita@example.com", "http://localhost:8080/take#token=abc", 30, T0.plusSeconds(86_400));
            case INVITATION_REVOKED -> new InvitationRevoked("inv-1", "position filled");
            case ASSESSMENT_STARTED -> new AssessmentStarted("inv-1", "ses-1", T0, T0.plusSeconds(1800));
            case ASSESSMENT_SUBMITTED -> new AssessmentSubmitted("ses-1", "inv-1", "test-1", "Backend fundamentals",
                    CANDIDATE, "rita@example.com", 60, SubmitReason.TIMEOUT, T0, T0.plusSeconds(1800),
                    List.of(new SubmittedAnswer("q-1", 2, List.of(), "Replicas hold copies of the data",
                                    "Replication vs sharding"),
                            new SubmittedAnswer("q-2", 1, List.of("b", "c"), null, "Index structures")));
            case ASSESSMENT_SCORED -> new AssessmentScored("ses-1", "inv-1", "test-1", "Backend fundamentals",
                    CANDIDATE, "rita@example.com", 3, 5, 60.0, 60, true, SubmitReason.CANDIDATE,
                    List.of(new ItemScore("q-1", 2, QuestionKind.FREE_TEXT, 2, 4, List.of("kp-1"),
                                    "Replication vs sharding"),
                            new ItemScore("q-2", 1, QuestionKind.MULTI_CHOICE, 1, 1, List.of(), "Index structures")),
                    T0.plusSeconds(1805));
            case SCORE_ADJUSTED -> new ScoreAdjusted("ses-1", "q-1", 4, "mentions shard keys in other words",
                    "rita@example.com", 5, 5, 100.0, true, T0.plusSeconds(7200));
        };
    }
}
