package io.hirepipe.contracts;

import java.util.List;

/** Kafka topic names. Keys: see {@link io.hirepipe.contracts.events.EventPayload#partitionKey()}. */
public final class Topics {

    /**
     * Every published version of every question, kept forever (not compacted: compaction by question
     * id would drop older versions that running sessions are still scored against), so a consumer
     * can rebuild its read model from the beginning. Keyed by question id: one question's versions
     * and retirements stay in order.
     */
    public static final String QUESTIONS = "hirepipe.questions.v1";
    public static final String INVITATIONS = "hirepipe.invitations.v1";
    public static final String SUBMISSIONS = "hirepipe.submissions.v1";
    public static final String RESULTS = "hirepipe.results.v1";
    /**
     * Audit entries from every service, keyed by tenant id, read by the gateway, which stores them in its
     * audit log. Kept for {@link #AUDIT_RETENTION} only: the log itself is the record, the topic a buffer.
     */
    public static final String AUDIT = "hirepipe.audit.v1";

    /** How long {@link #AUDIT} keeps a record: ample for the gateway to catch up after an outage. */
    public static final java.time.Duration AUDIT_RETENTION = java.time.Duration.ofDays(30);

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static final List<String> ALL = List.of(QUESTIONS, INVITATIONS, SUBMISSIONS, RESULTS, AUDIT);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Topics whose records are the source a read model is rebuilt from, so they never expire. */
    public static boolean isRetainedForever(String topic) {
        return QUESTIONS.equals(topic);
    }

    /** The retention a topic is created with, where the code sets one; empty means the broker's default. */
    public static java.util.Optional<java.time.Duration> boundedRetention(String topic) {
        return AUDIT.equals(topic) ? java.util.Optional.of(AUDIT_RETENTION) : java.util.Optional.empty();
    }
}
