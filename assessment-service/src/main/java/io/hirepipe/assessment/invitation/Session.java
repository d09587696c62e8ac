package io.hirepipe.assessment.invitation;

import io.hirepipe.contracts.events.SubmitReason;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The candidate's attempt, frozen at start: the questions exactly as delivered to this candidate
 * (option order included) and the server-side deadline, then the latest saved answer per question.
 *
 * @param answers        keyed by question id (ids are checked to be safe MongoDB field names at start)
 * @param testVersion    the published test version the session started from; null for sessions started
 *                       before tests had versions
 * @param drawnFromPools whether some of its questions were drawn from pools; null when not known
 */
public record Session(
        String id,
        Instant startedAt,
        Instant deadline,
        List<QuestionSnapshot> questions,
        Map<String, Answer> answers,
        Instant submittedAt,
        SubmitReason submitReason,
        Integer testVersion,
        Boolean drawnFromPools) {

    public Session {
        questions = questions == null ? List.of() : List.copyOf(questions);
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    /** A session as stored before it kept its test version and pool flag. */
    public Session(String id, Instant startedAt, Instant deadline, List<QuestionSnapshot> questions,
                   Map<String, Answer> answers, Instant submittedAt, SubmitReason submitReason) {
        this(id, startedAt, deadline, questions, answers, submittedAt, submitReason, null, null);
    }

    public Optional<QuestionSnapshot> question(String questionId) {
        return questions.stream().filter(q -> q.questionId().equals(questionId)).findFirst();
    }

    /** This session with {@code answer} as the saved answer to {@code questionId}. */
    public Session withAnswer(String questionId, Answer answer) {
        Map<String, Answer> changed = new HashMap<>(answers);
        changed.put(questionId, answer);
        return new Session(id, startedAt, deadline, questions, changed, submittedAt, submitReason, testVersion,
                drawnFromPools);
    }

    public Optional<Answer> answer(String questionId) {
        return Optional.ofNullable(answers.get(questionId));
    }
}
