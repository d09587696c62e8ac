package io.hirepipe.defaults.security;

import io.hirepipe.defaults.problem.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes of the API key behind this request: the gateway, which alone knows the key, checks a route's scope
 * and passes every scope the key holds in the internal token's {@code scope} claim. A service reads them where
 * what a request asks for, not its path, decides the scope it needs (a webhook subscription carries the data of
 * the events it names).
 */
public record GrantedScopes(Set<String> scopes) {

    static final String CLAIM = "scope";

    public GrantedScopes {
        scopes = Set.copyOf(scopes);
    }

    /** The current request's scopes; none for a caller that is not an API key or a request without a token. */
    public static GrantedScopes current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            String claim = jwt.getToken().getClaimAsString(CLAIM);
            if (claim != null && !claim.isBlank()) {
                return new GrantedScopes(Arrays.stream(claim.trim().split("\\s+")).collect(Collectors.toSet()));
            }
        }
        return new GrantedScopes(Set.of());
    }

    public boolean has(ApiScope scope) {
        return scopes.contains(scope.value());
    }

    /**
     * A 403 {@code insufficient-scope} problem naming {@code scope} in {@code requiredScope}, as the gateway answers a
     * route's missing scope; {@code detail} says what needed it.
     */
    public static ProblemException missing(ApiScope scope, String detail) {
        return ProblemException.forbiddenBecause("insufficient-scope", detail).with("requiredScope", scope.value());
    }
}
