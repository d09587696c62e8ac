package io.hirepipe.gateway.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.gateway.auth.LoginController.LoginRequest;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.gateway.identity.SignInChecks;
import io.hirepipe.gateway.audit.AuditEntry;
import io.hirepipe.gateway.audit.AuditTrail;
import io.hirepipe.gateway.clientaddress.ClientAddress;
import io.hirepipe.gateway.loginthrottle.LoginThrottle;
import io.hirepipe.gateway.web.CorrelationIdWebFilter;
import io.hirepipe.gateway.versioning.PublicApi;
import io.hirepipe.defaults.problem.ProblemException;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The console's sign-in: the session lives in an HttpOnly cookie the console's scripts never see; the
 * answer carries only who signed in and the CSRF token the console sends back on unsafe requests.
 */
@Tag(name = "Sign-in")
@RestController
@RequestMapping(BrowserSessionController.PATH)
public class BrowserSessionController {

    static final String PATH = PublicApi.AUTH + "/session";

    private final RecruiterLogin login;
    private final LoginThrottle throttle;
    private final BrowserSessions sessions;
    private final SignInChecks signIns;
    private final AuditTrail audit;
    private final Clock clock;

    public BrowserSessionController(RecruiterLogin login, LoginThrottle throttle, BrowserSessions sessions,
                                    SignInChecks signIns, AuditTrail audit, Clock clock) {
        this.login = login;
        this.throttle = throttle;
        this.sessions = sessions;
        this.signIns = signIns;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param csrfToken send it as {@code X-CSRF-Token} with every POST, PUT, PATCH and DELETE
     * @param role      the account's role now, so the console offers only what it may do (the services
     *                  still decide every request on their own)
     */
    public record SessionView(@Schema(example = "rita@acme.example") String email,
                              @Schema(example = "acme") String tenantId,
                              Instant expiresAt,
                              @Schema(example = "c5Xq8Lm2Wp7Kd4Rt9Vb3Nc") String csrfToken,
                              Role role) {

        /**
         * Spring's codecs log bodies by toString at DEBUG; a record's would print the user's email and the CSRF
         * token.
         */
        @Override
        public String toString() {
            return "SessionView[tenantId=" + tenantId + ", role=" + role + ", expiresAt=" + expiresAt
                    + ", email and csrfToken hidden]";
        }

        static SessionView of(BrowserSession session, String cookie, Role role) {
            return new SessionView(session.email(), session.tenantId(), session.expiresAt(),
                    BrowserSessions.csrfTokenFor(cookie), role);
        }
    }

    /** The session as the console sees it, with the account's current role. */
    private Mono<SessionView> view(BrowserSession session, String cookie) {
        return signIns.user(session.userId())
                .map(user -> SessionView.of(session, cookie, user.role()))
                .switchIfEmpty(Mono.error(BrowserSessionController::signedOut));
    }

    @Operation(summary = "Sign in to a browser session (cookie)")
    @PostMapping
    public Mono<ResponseEntity<SessionView>> signIn(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        return throttle.guard(request.email(), ClientAddress.budgetKey(exchange),
                        () -> login.authenticate(request.email(), request.password(), RecruiterLogin.Channel.BROWSER_SESSION,
                                CorrelationIdWebFilter.of(exchange)).flatMap(sessions::start))
                .flatMap(started -> view(started.session(), started.cookie()).map(view -> {
                    Duration lifetime = Duration.between(started.session().createdAt(), started.session().expiresAt());
                    exchange.getResponse().addCookie(SessionCookie.of(started.cookie(), lifetime));
                    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
                }));
    }

    /** Who is signed in in this browser (after a reload the console asks here), or a 401 problem. */
    @Operation(summary = "Get the current browser session")
    @GetMapping
    public Mono<ResponseEntity<SessionView>> current(ServerWebExchange exchange) {
        return SessionCookie.presented(exchange)
                .map(cookie -> sessions.find(cookie).flatMap(session -> view(session, cookie)).map(view -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore()).body(view)))
                .orElse(Mono.empty())
                .switchIfEmpty(Mono.defer(() -> {
                    exchange.getResponse().addCookie(SessionCookie.cleared());
                    return Mono.error(BrowserSessionController::signedOut);
                }));
    }

    /**
     * Signs out: the session ends on the server (a copy of the cookie is refused from now on) and the
     * cookie is cleared. Needs the CSRF token, so no other site can sign a recruiter out. Signing out
     * of a session that already ended just clears the cookie.
     */
    @Operation(summary = "Sign out of the browser session")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> signOut(ServerWebExchange exchange) {
        Mono<Void> ending = SessionCookie.presented(exchange)
                .map(cookie -> sessions.find(cookie).flatMap(session -> BrowserSessions.csrfMatches(cookie,
                        exchange.getRequest().getHeaders().getFirst(SessionCookie.CSRF_HEADER))
                        ? sessions.end(session).then(signedOut(session, exchange))
                        : Mono.error(BrowserSessionController::csrfMissing)))
                .orElse(Mono.empty());
        return ending.then(Mono.fromRunnable(() -> exchange.getResponse().addCookie(SessionCookie.cleared())));
    }

    private Mono<Void> signedOut(BrowserSession session, ServerWebExchange exchange) {
        Caller who = Caller.recruiter(session.tenantId(), session.userId(), session.email());
        return audit.record(AuditEntry.byCaller(who, "auth.session.signed-out", "browser-session", session.id(),
                AuditRecorded.SUCCESS, Map.of(), CorrelationIdWebFilter.of(exchange), clock.instant()));
    }

    static ProblemException signedOut() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "session-expired", "Unauthenticated",
                "You are not signed in, or your session has ended. Sign in again.");
    }

    private static ProblemException csrfMissing() {
        return new ProblemException(HttpStatus.FORBIDDEN, "csrf-token-invalid", "Forbidden",
                "Signing out needs the session's CSRF token in the " + SessionCookie.CSRF_HEADER + " header.");
    }
}
