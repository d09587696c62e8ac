package io.hirepipe.gateway.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.gateway.auth.LoginController.LoginResponse;
import io.hirepipe.gateway.versioning.PublicApi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Keeps a recruiter signed in with the refresh token, and signs them out by revoking it. */
@Tag(name = "Sign-in")
@RestController
public class SessionController {

    private final RecruiterSessions sessions;

    public SessionController(RecruiterSessions sessions) {
        this.sessions = sessions;
    }

    public record RefreshRequest(@Schema(example = "rt_Qm7Xp2Lk9Wv4Tz8Nc3Hb") @NotBlank @Size(max = 512) String refreshToken) {

        /** Spring's codecs log bodies by toString at DEBUG; a record's would print the token. */
        @Override
        public String toString() {
            return "RefreshRequest[token hidden]";
        }
    }

    @Operation(summary = "Get a new access token with a refresh token")
    @PostMapping(PublicApi.AUTH + "/refresh")
    public Mono<LoginResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return sessions.refresh(request.refreshToken()).map(LoginResponse::of);
    }

    /** Revokes the sign-in; its access token lapses within minutes (its short lifetime). */
    @Operation(summary = "Sign out: revoke a refresh token")
    @PostMapping(PublicApi.AUTH + "/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> logout(@Valid @RequestBody RefreshRequest request) {
        return sessions.logout(request.refreshToken());
    }
}
