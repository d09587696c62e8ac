package io.hirepipe.gateway.auth;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.gateway.apikey.ApiKeyAuthentication;
import io.hirepipe.gateway.identity.SignInChecks;
import io.hirepipe.gateway.security.CallerAuthentication;
import io.hirepipe.gateway.versioning.PublicApi;
import io.hirepipe.gateway.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.Set;

/**
 * Authenticates API requests from the console by its session cookie, as the recruiter who signed in;
 * the gateway then forwards them with the usual internal token (the cookie itself never leaves the edge).
 * Because browsers attach cookies on their own, every unsafe request must also carry the session's
 * CSRF token in {@code X-CSRF-Token}. An explicit bearer token or API key takes precedence and needs no
 * CSRF token: no browser sends those by itself.
 */
public final class BrowserSessionAuthentication implements WebFilter {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final BrowserSessions sessions;
    private final SignInChecks signIns;

    public BrowserSessionAuthentication(BrowserSessions sessions, SignInChecks signIns) {
        this.sessions = sessions;
        this.signIns = signIns;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> cookie = applies(exchange.getRequest()) ? SessionCookie.presented(exchange) : Optional.empty();
        if (cookie.isEmpty()) {
            return chain.filter(exchange);
        }
        return sessions.find(cookie.get())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(session -> {
                    if (session.isEmpty()) {
                        return expired(exchange);
                    }
                    if (!SAFE.contains(exchange.getRequest().getMethod()) && !BrowserSessions.csrfMatches(cookie.get(),
                            exchange.getRequest().getHeaders().getFirst(SessionCookie.CSRF_HEADER))) {
                        return Problems.write(exchange, Problems.problem(HttpStatus.FORBIDDEN, "csrf-token-invalid",
                                "Forbidden", "This request needs the session's CSRF token in the "
                                        + SessionCookie.CSRF_HEADER + " header.", exchange));
                    }
                    BrowserSession active = session.get();
                    // The session was looked up just now; the account's standing and role come from the user.
                    return signIns.current(Caller.recruiter(active.tenantId(), active.userId(), active.email()), null)
                            .map(Optional::of)
                            .defaultIfEmpty(Optional.empty())
                            .flatMap(current -> current.isEmpty()
                                    ? expired(exchange)
                                    : chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder
                                            .withAuthentication(new CallerAuthentication(current.get()))));
                });
    }

    /**
     * API calls without another credential. The sign-in endpoints read the cookie themselves: signing
     * in with a stale cookie must still work.
     */
    private static boolean applies(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        HttpHeaders headers = request.getHeaders();
        return path.startsWith("/api/") && !path.startsWith(PublicApi.AUTH + "/")
                && !headers.containsHeader(HttpHeaders.AUTHORIZATION)
                && !headers.containsHeader(ApiKeyAuthentication.HEADER);
    }

    /** The console takes this answer as "sign in again" and keeps what the recruiter was typing. */
    static Mono<Void> expired(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(SessionCookie.cleared());
        return Problems.write(exchange, Problems.problem(HttpStatus.UNAUTHORIZED, "session-expired",
                "Unauthenticated", "Your session has ended. Sign in again.", exchange));
    }
}
