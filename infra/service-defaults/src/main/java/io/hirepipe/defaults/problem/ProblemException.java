package io.hirepipe.defaults.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * An error a service raises on purpose; rendered as RFC 9457 {@code application/problem+json}
 * with a stable {@code type} URI per kind of problem.
 */
public class ProblemException extends ErrorResponseException {

    public static final String TYPE_BASE = "https://hirepipe.io/problems/";

    public ProblemException(HttpStatusCode status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " not found",
                what + " '" + id + "' does not exist.");
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, type, "Bad request", detail);
    }

    public static ProblemException unprocessable(String type, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type, "Request cannot be processed", detail);
    }

    public static ProblemException forbidden(String detail) {
        return forbiddenBecause("forbidden", detail);
    }

    public static ProblemException forbiddenBecause(String type, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, type, "Forbidden", detail);
    }

    public static ProblemException gone(String type, String detail) {
        return new ProblemException(HttpStatus.GONE, type, "Gone", detail);
    }

    public static ProblemException unavailable(String type, String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, type, "Service unavailable", detail);
    }

    private static final java.util.Set<String> STANDARD_MEMBERS = java.util.Set.of("type", "title", "status", "detail",
            "instance");

    /** Adds a machine-readable member to the problem body; the RFC 9457 members cannot be overwritten. */
    public ProblemException with(String property, Object value) {
        if (STANDARD_MEMBERS.contains(property)) {
            throw new IllegalArgumentException("'" + property + "' is a standard problem member; name the extension otherwise");
        }
        getBody().setProperty(property, value);
        return this;
    }

    /** The problem every Hirepipe refusal answers with: {@code type} under {@link #TYPE_BASE}. */
    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = new LogSafeProblemDetail(status.value());
        problem.setDetail(detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
