package io.hirepipe.gateway.routing;

import org.springframework.http.HttpHeaders;

import java.util.List;

/**
 * Headers through which a client could claim an identity. None of them may reach a service: the
 * only identity a service trusts is the internal token the gateway adds.
 */
final class IdentityHeaders {

    private static final List<String> EXACT = List.of(
            "authorization", "proxy-authorization", "x-api-key", "cookie", "x-csrf-token",
            "x-forwarded-user", "x-forwarded-email", "x-forwarded-groups", "x-forwarded-preferred-username",
            "x-remote-user", "remote-user", "x-authenticated-user", "x-principal");
    private static final List<String> PREFIXES = List.of(
            "x-hirepipe-", "x-auth-", "x-user-", "x-tenant-", "x-caller-", "x-invitation-");

    private IdentityHeaders() {
    }

    /** A copy of {@code headers} without the identity headers. */
    static HttpHeaders withoutIdentity(HttpHeaders headers) {
        HttpHeaders kept = new HttpHeaders();
        headers.forEach((name, values) -> {
            if (!isIdentity(name)) {
                kept.addAll(name, values);
            }
        });
        return kept;
    }

    static boolean isIdentity(String name) {
        // Called for every header of every proxied request: compared in place, without a lower-cased copy.
        for (String exact : EXACT) {
            if (exact.equalsIgnoreCase(name)) {
                return true;
            }
        }
        for (String prefix : PREFIXES) {
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }
}
