package io.hirepipe.scoring;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.KeyPoint;
import io.hirepipe.contracts.events.Misconception;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.contracts.events.Rubric;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Realistic events built from the seed questions, with ids unique per call so tests never collide. */
public final class TestEvents {

    private TestEvents() {
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static QuestionPublished singleChoice(String questionId, int version, String correct) {
        return new QuestionPublished(questionId, version, QuestionKind.SINGLE_CHOICE,
                "Index trade-off", "What do indexes slow down?",
                List.of(new ChoiceOption("a", "SELECT queries"), new ChoiceOption("b", "INSERT, UPDATE and DELETE"),
                        new ChoiceOption("c", "Nothing")),
                List.of(correct), null, 2, List.of("databases"));
    }

    public static QuestionPublished multiChoice(String questionId, int version, String... correct) {
        return new QuestionPublished(questionId, version, QuestionKind.MULTI_CHOICE,
                "gRPC", "Which are true of gRPC?",
                List.of(new ChoiceOption("a", "Uses HTTP/2"), new ChoiceOption("b", "Uses XML payloads"),
                        new ChoiceOption("c", "Uses Protocol Buffers")),
                List.of(correct), null, 3, List.of("apis"));
    }

    /** Which are true of gRPC, worth 3, partial credit: each right pick earns 1.5, each wrong one cancels one. */
    public static QuestionPublished multiChoicePartial(String questionId, int version) {
        return new QuestionPublished(questionId, version, QuestionKind.MULTI_CHOICE,
                "gRPC", "Which are true of gRPC?",
                List.of(new ChoiceOption("a", "Uses HTTP/2"), new ChoiceOption("b", "Uses XML payloads"),
                        new ChoiceOption("c", "Uses Protocol Buffers")),
                List.of("a", "c"), null, 3, List.of("apis"), ChoiceScoring.PARTIAL);
    }

    /** Replication vs sharding with example answers and a misconception, as rubric authors write them now. */
    public static QuestionPublished replicationVersusShardingWithExamples(String questionId, int version) {
        return new QuestionPublished(questionId, version, QuestionKind.FREE_TEXT,
                "Replication vs sharding", "What is the difference between replication and sharding?",
                List.of(), List.of(), new Rubric(List.of(
                new KeyPoint("copies", "Replication copies data to replicas",
                        List.of("copy data replica"), 3, List.of("Every replica holds the whole data set.")),
                new KeyPoint("split", "Sharding splits data across servers",
                        List.of("split data across servers"), 2, List.of())),
                List.of(new Misconception("all-nodes", "Sharding copies all data to every node",
                        List.of("shard copies all data every node"), 1))),
                5, List.of("databases"));
    }

    /** Replication vs sharding, worth 5, key points worth 2 + 2 + 1. */
    public static QuestionPublished replicationVersusSharding(String questionId, int version) {
        return new QuestionPublished(questionId, version, QuestionKind.FREE_TEXT,
                "Replication vs sharding", "What is the difference between replication and sharding?",
                List.of(), List.of(), new Rubric(List.of(
                new KeyPoint("copies", "Replication copies data to replicas",
                        List.of("copy data replica", "copies data replicas"), 2),
                new KeyPoint("split", "Sharding splits data across servers",
                        List.of("split data across servers", "partition data horizontally"), 2),
                new KeyPoint("shard-key", "Names the shard key", List.of("shard key"), 1))),
                5, List.of("databases"));
    }

    public static AssessmentSubmitted submission(String sessionId, String invitationId, int passMark,
                                                 SubmitReason reason, SubmittedAnswer... answers) {
        return new AssessmentSubmitted(sessionId, invitationId, "test-backend", "Backend basics",
                new Person("Ada Lovelace", "ada@example.org"), "rita@recruiting.example", passMark, reason,
                Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:40:00Z"), List.of(answers));
    }

    public static <P extends EventPayload> EventEnvelope<P> envelope(P payload, String tenantId) {
        return EventEnvelope.of(payload, tenantId, "corr-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
