package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.QuestionSnapshot;
import io.hirepipe.assessment.questions.DeliveredQuestion;
import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.QuestionKind;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Turns a delivery into the session's frozen questions: question order as delivered (question-service
 * draws pools and shuffles the order per session), the options
 * of choice questions shuffled with a seed derived from the session and question ids, so two
 * candidates side by side see different orders while one session always sees the same one.
 */
final class QuestionFreezer {

    private QuestionFreezer() {
    }

    static List<QuestionSnapshot> freeze(List<DeliveredQuestion> delivered, String sessionId) {
        return freeze(delivered, sessionId, true);
    }

    /** @param shuffleOptions false when the test keeps options in the author's order */
    static List<QuestionSnapshot> freeze(List<DeliveredQuestion> delivered, String sessionId, boolean shuffleOptions) {
        return delivered.stream().map(question -> new QuestionSnapshot(question.questionId(), question.version(),
                question.kind(), question.title(), question.prompt(),
                shuffleOptions ? shuffledOptions(question, sessionId) : question.options(),
                question.maxPoints(), question.promptHtml())).toList();
    }

    private static List<ChoiceOption> shuffledOptions(DeliveredQuestion question, String sessionId) {
        if (question.kind() == QuestionKind.FREE_TEXT) {
            return List.of();
        }
        List<ChoiceOption> options = new ArrayList<>(question.options());
        Collections.shuffle(options, new Random(seed(sessionId + "/" + question.questionId())));
        return options;
    }

    private static long seed(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
