package io.hirepipe.defaults.security;

import io.hirepipe.defaults.problem.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 as problem+json, like every other error. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Unauthenticated", "This service only accepts requests that come through the Hirepipe gateway "
                        + "with a valid token.", request.getRequestURI()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your credentials do not allow this operation.", request.getRequestURI()));
    }
}
