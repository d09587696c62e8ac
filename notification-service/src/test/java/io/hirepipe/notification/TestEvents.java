package io.hirepipe.notification;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.contracts.events.SubmitReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events as assessment-service and scoring-service emit them, with ids unique per call. */
public final class TestEvents {

    private TestEvents() {
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An address no other test uses, so each test waits for its own mail in the shared sink. */
    public static String mailbox(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** As assessment-service sends it since schema version 2: the link sealed for this service's key. */
    public static InvitationCreated invitation(String candidateName, String candidateEmail, String accessUrl) {
        return withLinks(candidateName, candidateEmail, null, TestLinkKeys.seal(accessUrl));
    }

    /** As a version-1 producer sent it: the link in plain text. */
    public static InvitationCreated plainInvitation(String candidateName, String candidateEmail, String accessUrl) {
        return withLinks(candidateName, candidateEmail, accessUrl, null);
    }

    public static InvitationCreated withLinks(String candidateName, String candidateEmail, String accessUrl,
                                              String sealedAccessUrl) {
        return new InvitationCreated(id("inv"), "test-backend", "Backend basics",
                new Person(candidateName, candidateEmail), "rita@recruiting.example", accessUrl, 45,
                Instant.parse("2026-03-08T17:00:00Z"), sealedAccessUrl, 0);
    }

    public static AssessmentScored scored(String candidateName, String recruiterEmail, SubmitReason reason) {
        return new AssessmentScored(id("ses"), id("inv"), "test-backend", "Backend basics",
                new Person(candidateName, "ada@example.org"), recruiterEmail, new BigDecimal("7"), 10, 70.0, 60, true,
                reason,
                List.of(item("q-index", 1, QuestionKind.SINGLE_CHOICE, "2", 2, List.of(), "Index trade-off"),
                        item("q-grpc", 2, QuestionKind.MULTI_CHOICE, "0", 3, List.of(), "gRPC"),
                        item("q-repl", 1, QuestionKind.FREE_TEXT, "5", 5,
                                List.of("copies", "split", "shard-key"), "Replication vs sharding")),
                Instant.parse("2026-03-01T09:41:00Z"), false, 0);
    }

    /** An item as a version-1 producer sent it: scored, no evidence. */
    public static ItemScore item(String questionId, int version, QuestionKind kind, String points, int maxPoints,
                                 List<String> matched, String title) {
        return new ItemScore(questionId, version, kind, new BigDecimal(points), maxPoints, matched, title,
                ItemStatus.SCORED, null);
    }

    /** A reviewer raised the free-text item of a session from 2 to 3.5 points; the new total is 8.5 of 10. */
    public static ScoreAdjusted adjusted(String sessionId, String recruiterEmail, Instant at) {
        return new ScoreAdjusted(sessionId, "q-repl", new BigDecimal("3.5"), "explains shard keys in other words",
                "rita@recruiting.example", new BigDecimal("8.5"), 10, 85.0, true, at, new BigDecimal("2"),
                "Replication vs sharding", true, 1, id("inv"), "Backend basics",
                new Person("Ada Lovelace", "ada@example.org"), recruiterEmail);
    }

    public static <P extends EventPayload> EventEnvelope<P> envelope(P payload, String tenantId) {
        return EventEnvelope.of(payload, tenantId, "corr-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
