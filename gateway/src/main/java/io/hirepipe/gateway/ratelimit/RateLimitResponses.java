package io.hirepipe.gateway.ratelimit;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.gateway.ratelimit.ClientLimiters.Decision;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The rate-limit headers of draft-ietf-httpapi-ratelimit-headers (structured fields:
 * {@code RateLimit-Policy: "reads";q=600;w=60} and {@code RateLimit: "reads";r=599;t=42}) and the
 * 429 problem, shared by the edge filter and the endpoints that limit on what is in the body.
 */
public final class RateLimitResponses {

    public static final String POLICY = "RateLimit-Policy";
    public static final String LIMIT = "RateLimit";

    private RateLimitResponses() {
    }

    public static void writeHeaders(HttpHeaders headers, Decision decision) {
        headers.set(POLICY, "\"" + decision.group() + "\";q=" + decision.limit() + ";w=" + decision.windowSeconds());
        headers.set(LIMIT, "\"" + decision.group() + "\";r=" + decision.remaining() + ";t="
                + (decision.permitted() ? decision.resetSeconds() : decision.retryAfterSeconds()));
        if (!decision.permitted()) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        }
    }

    /** A 429 carrying the same headers, for code that reports failures by throwing. */
    public static ProblemException tooManyRequests(Decision decision) {
        ProblemException problem = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests", detail(decision));
        problem.with("rateLimitGroup", decision.group()).with("retryAfterSeconds", decision.retryAfterSeconds());
        writeHeaders(problem.getHeaders(), decision);
        return problem;
    }

    static String detail(Decision decision) {
        return "The " + decision.group() + " limit of " + decision.limit() + " requests per "
                + decision.windowSeconds() + " s is used up. Retry after " + decision.retryAfterSeconds() + " s.";
    }
}
