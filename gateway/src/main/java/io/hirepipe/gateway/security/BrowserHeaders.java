package io.hirepipe.gateway.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;

/**
 * The headers that keep the candidate app (served here, same origin as the API) hard to abuse: only
 * this origin's scripts and styles, never inline ones; never framed; no referrer (the invitation link
 * carries its token in the fragment, and no other page ever needs to learn the URL).
 *
 * <p>Spring Security writes each header only where the response does not carry it yet, so proxied
 * API responses keep the services' own headers, unduplicated, and static assets keep their long-lived
 * Cache-Control instead of the default no-store.
 */
final class BrowserHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "clipboard-read=(), display-capture=(), fullscreen=(self)";

    private BrowserHeaders() {
    }

    static void apply(ServerHttpSecurity.HeaderSpec headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicy(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }
}
