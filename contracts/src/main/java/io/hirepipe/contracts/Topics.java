package io.hirepipe.contracts;

import java.time.Duration;
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
     * Tenants' privacy settings and candidate erasures (requests and each service's completion). Holds
     * ids, an email hash and a staff contact, never a candidate's name, email or answers. Keyed by tenant
     * (settings) or erasure id.
     */
    public static final String PRIVACY = "hirepipe.privacy.v1";
    /**
     * Audit entries from every service, keyed by tenant id, read by the gateway, which stores them in its
     * audit log. Kept for {@link #AUDIT_RETENTION} only: the log itself is the record, the topic a buffer.
     * Entries name staff and ids, never a candidate's name, email or answers.
     */
    public static final String AUDIT = "hirepipe.audit.v1";

    /** How long {@link #AUDIT} keeps a record: ample for the gateway to catch up after an outage. */
    public static final java.time.Duration AUDIT_RETENTION = java.time.Duration.ofDays(30);

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static final List<String> ALL = List.of(QUESTIONS, INVITATIONS, SUBMISSIONS, RESULTS, PRIVACY, AUDIT);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /**
     * How long every other topic and every dead-letter topic keeps a record. Shorter than the shortest
     * retention a tenant can choose (30 days after scoring, and a submission is scored after it is sent),
     * so no event outlives its tenant's retention, answer texts in {@link #SUBMISSIONS} included.
     */
    public static final Duration BOUNDED_RETENTION = Duration.ofDays(7);
    /** Kafka deletes whole segments only: rolling one a day keeps a record at most a day past its retention. */
    public static final Duration SEGMENT_ROLL = Duration.ofDays(1);

    /** Topics whose records are the source a read model is rebuilt from, so they never expire (no candidate data). */
    public static boolean isRetainedForever(String topic) {
        return QUESTIONS.equals(topic);
    }

    /** The retention a topic is created with, where the code sets one; empty means the broker's default. */
    public static java.util.Optional<java.time.Duration> boundedRetention(String topic) {
        return AUDIT.equals(topic) ? java.util.Optional.of(AUDIT_RETENTION) : java.util.Optional.empty();
    }
}
