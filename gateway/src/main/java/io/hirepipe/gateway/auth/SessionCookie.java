package io.hirepipe.gateway.auth;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

import java.time.Duration;
import java.util.Optional;

/**
 * The console's session cookie. The {@code __Host-} prefix makes browsers insist on Secure, Path=/ and
 * no Domain, so no sub-domain can plant or overwrite it; HttpOnly keeps it from scripts; SameSite=Strict
 * keeps other sites' pages from sending it along.
 */
public final class SessionCookie {

    public static final String NAME = "__Host-hirepipe-session";
    /** The header the console sends its CSRF token in on every unsafe cookie-authenticated request. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookie() {
    }

    static ResponseCookie of(String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(true).sameSite("Strict").path("/")
                .maxAge(maxAge).build();
    }

    static ResponseCookie cleared() {
        return of("", Duration.ZERO);
    }

    static Optional<String> presented(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(NAME);
        return cookie == null || cookie.getValue().isBlank() ? Optional.empty() : Optional.of(cookie.getValue());
    }
}
