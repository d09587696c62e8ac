package io.hirepipe.gateway.routing;

import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Headers through which a client could claim an identity. None of them may reach a service: the
 * only identity a service trusts is the internal token the gateway adds.
 */
final class IdentityHeaders {

    private static final Set<String> EXACT = Set.of(
            "authorization", "proxy-authorization", "x-api-key", "cookie", "x-csrf-token",
            "x-forwarded-user", "x-forwarded-email", "x-forwarded-groups", "x-forwarded-preferred-username",
            "x-remote-user", "remote-user", "x-authenticated-user", "x-principal");
    private static final List<String> PREFIXES = List.of(
            "x-hirepipe-", "x-auth-", "x-user-", "x-tenant-", "x-caller-", "x-invitation-");

    private IdentityHeaders() {
    }

    static void strip(HttpHeaders headers) {
        List<String> names = headers.headerNames().stream().filter(IdentityHeaders::isIdentity).toList();
        names.forEach(headers::remove);
    }

    static boolean isIdentity(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return EXACT.contains(lower) || PREFIXES.stream().anyMatch(lower::startsWith);
    }
}
