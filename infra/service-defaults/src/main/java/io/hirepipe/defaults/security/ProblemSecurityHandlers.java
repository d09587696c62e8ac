package io.hirepipe.defaults.security;

import io.hirepipe.defaults.problem.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * 401 and 403 as problem+json, like every other error; and 503 when a token cannot be checked at all
 * because the gateway's published keys cannot be fetched. That is an outage on our side, not a bad
 * token: clients should retry, and operators should see it as unavailability rather than a flood of 401s
 * (or the 500 Spring Security would give).
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    private static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Unauthenticated", "This service only accepts requests that come through the Hirepipe gateway "
                        + "with a valid token.", request.getRequestURI()));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        if (e instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "token-verification-unavailable", "Token verification unavailable",
                    "The keys that verify the gateway's token cannot be read right now; try again shortly.",
                    request.getRequestURI()));
            return;
        }
        commence(request, response, e);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your credentials do not allow this operation.", request.getRequestURI()));
    }
}
