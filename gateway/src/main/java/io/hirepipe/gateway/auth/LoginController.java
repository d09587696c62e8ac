package io.hirepipe.gateway.auth;

import io.hirepipe.gateway.loginthrottle.LoginThrottle;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** Recruiter sign-in: email and password in, a bearer token for the API out. */
@RestController
public class LoginController {

    private final RecruiterLogin login;
    private final LoginThrottle throttle;

    public LoginController(RecruiterLogin login, LoginThrottle throttle) {
        this.login = login;
        this.throttle = throttle;
    }

    public record LoginRequest(@NotBlank @Email @Size(max = 254) String email,
                               @NotBlank @Size(max = 128) String password) {
    }

    public record LoginResponse(String token, String tokenType, Instant expiresAt, String tenantId, String email) {
    }

    @PostMapping("/auth/login")
    public Mono<LoginResponse> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        return throttle.guard(request.email(), LoginThrottle.remoteAddress(exchange),
                        () -> login.login(request.email(), request.password()))
                .map(session -> new LoginResponse(session.token().value(), "Bearer", session.token().expiresAt(),
                        session.tenantId(), session.email()));
    }
}
