package io.hirepipe.scoring.answerkey;

/** Which version of which question an answer was given to; answer keys are immutable per version. */
public record AnswerKeyRef(String questionId, int version) {

    @Override
    public String toString() {
        return questionId + "@v" + version;
    }
}
