package io.hirepipe.contracts;

import java.util.List;

/** Kafka topic names. Keys: see {@link io.hirepipe.contracts.events.EventPayload#partitionKey()}. */
public final class Topics {

    /** Compacted: the latest record per question id is the current published item. */
    public static final String QUESTIONS = "hirepipe.questions.v1";
    public static final String INVITATIONS = "hirepipe.invitations.v1";
    public static final String SUBMISSIONS = "hirepipe.submissions.v1";
    public static final String RESULTS = "hirepipe.results.v1";

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static final List<String> ALL = List.of(QUESTIONS, INVITATIONS, SUBMISSIONS, RESULTS);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static boolean isCompacted(String topic) {
        return QUESTIONS.equals(topic);
    }
}
