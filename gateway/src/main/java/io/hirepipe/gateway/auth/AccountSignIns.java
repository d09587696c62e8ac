package io.hirepipe.gateway.auth;

import io.hirepipe.gateway.identity.SignInChecks;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Ends everything a person is signed in with: API sign-ins (refresh tokens, and so their access tokens)
 * and console sessions. Used when an account is deactivated or its password set anew.
 */
@Service
public class AccountSignIns {

    private final RecruiterSessions apiSignIns;
    private final BrowserSessions browserSessions;
    private final SignInChecks checks;

    public AccountSignIns(RecruiterSessions apiSignIns, BrowserSessions browserSessions, SignInChecks checks) {
        this.apiSignIns = apiSignIns;
        this.browserSessions = browserSessions;
        this.checks = checks;
    }

    public Mono<Void> endAll(String userId) {
        return Mono.when(apiSignIns.endAllOf(userId), browserSessions.endAllOf(userId))
                .then(Mono.fromRunnable(() -> checks.forgetUser(userId)));
    }
}
