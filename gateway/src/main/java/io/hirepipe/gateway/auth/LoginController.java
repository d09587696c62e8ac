package io.hirepipe.gateway.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.gateway.versioning.PublicApi;
import io.hirepipe.gateway.clientaddress.ClientAddress;
import io.hirepipe.gateway.loginthrottle.LoginThrottle;
import io.hirepipe.gateway.web.CorrelationIdWebFilter;
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
@Tag(name = "Sign-in")
@RestController
public class LoginController {

    private final RecruiterLogin login;
    private final LoginThrottle throttle;

    public LoginController(RecruiterLogin login, LoginThrottle throttle) {
        this.login = login;
        this.throttle = throttle;
    }

    public record LoginRequest(@Schema(example = "rita@acme.example") @NotBlank @Email @Size(max = 254) String email,
                               @Schema(example = "correct horse battery staple") @NotBlank @Size(max = 128) String password) {

        /** Spring's codecs log bodies by toString at DEBUG; a record's would print the password. */
        @Override
        public String toString() {
            return "LoginRequest[password hidden]";
        }
    }

    /**
     * @param token        the access token: short-lived, sent as {@code Authorization: Bearer}
     * @param refreshToken trades for a new pair at {@code POST /api/v1/auth/refresh} until {@code refreshExpiresAt};
     *                     {@code POST /api/v1/auth/logout} revokes it
     */
    public record LoginResponse(@Schema(example = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImdhdGV3YXktMSJ9.eyJzdWIiOiJ1c3JfOUxtMlhxN1dwNEtkOFJ0In0.c2lnbmF0dXJl") String token,
                                @Schema(example = "Bearer") String tokenType,
                                Instant expiresAt,
                                @Schema(example = "rt_Qm7Xp2Lk9Wv4Tz8Nc3Hb") String refreshToken,
                                Instant refreshExpiresAt,
                                @Schema(example = "acme") String tenantId,
                                @Schema(example = "rita@acme.example") String email) {

        /** Spring's codecs log bodies by toString at DEBUG; a record's would print both tokens. */
        @Override
        public String toString() {
            return "LoginResponse[tenantId=" + tenantId + ", expiresAt=" + expiresAt + ", tokens hidden]";
        }

        static LoginResponse of(RecruiterSessions.Session session) {
            return new LoginResponse(session.access().value(), "Bearer", session.access().expiresAt(),
                    session.refresh().value(), session.refresh().expiresAt(), session.tenantId(), session.email());
        }
    }

    @Operation(summary = "Sign in and get an access token")
    @PostMapping(PublicApi.AUTH + "/login")
    public Mono<LoginResponse> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        return throttle.guard(request.email(), ClientAddress.budgetKey(exchange),
                        () -> login.login(request.email(), request.password(), CorrelationIdWebFilter.of(exchange)))
                .map(LoginResponse::of);
    }
}
