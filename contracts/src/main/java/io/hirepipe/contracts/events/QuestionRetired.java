package io.hirepipe.contracts.events;

/** The question may no longer be put into new tests; sessions already started keep their version. */
public record QuestionRetired(String questionId, int version) implements EventPayload {

    @Override
    public String partitionKey() {
        return questionId;
    }
}
