package io.hirepipe.localstack;

/** The stack could not start; the message says which part failed and what to do. */
public class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
