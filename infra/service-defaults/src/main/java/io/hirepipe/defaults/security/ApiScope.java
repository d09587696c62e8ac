package io.hirepipe.defaults.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a platform client's API key may do (the gateway grants and checks them; services read a request's in
 * {@link GrantedScopes}). Recruiters are not limited by scopes; key management
 * is for recruiters only and no scope grants it.
 */
public enum ApiScope {

    QUESTIONS_READ("questions:read"),
    QUESTIONS_WRITE("questions:write"),
    INVITATIONS_READ("invitations:read"),
    INVITATIONS_WRITE("invitations:write"),
    RESULTS_READ("results:read"),
    RESULTS_WRITE("results:write"),
    NOTIFICATIONS_READ("notifications:read"),
    WEBHOOKS_MANAGE("webhooks:manage"),
    INTEGRATIONS_GREENHOUSE("integrations:greenhouse"),
    OPERATIONS_MANAGE("operations:manage");

    /** Spring Security authority prefix, as for OAuth2 scopes. */
    public static final String AUTHORITY_PREFIX = "SCOPE_";

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public String authority() {
        return AUTHORITY_PREFIX + value;
    }

    public static Optional<ApiScope> parse(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }

    /** What a key created before scopes existed may do: everything a key can do. */
    public static Set<ApiScope> all() {
        return EnumSet.allOf(ApiScope.class);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ApiScope::value).toList();
    }
}
