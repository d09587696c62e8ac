package io.hirepipe.testkit;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One row of a service's role table: an endpoint and the least role of a tenant's people that may call it
 * (ADMIN > RECRUITER > VIEWER; {@code NOBODY} for endpoints no person may call). Role tests call every row
 * as every role over real HTTP and check that those below the least role get a 403 problem and the others get
 * past security (any answer but 401 and 403: a 404 for an unknown id, a 400 for a refused value...).
 *
 * <p>Refused rows need a body that passes validation: Spring resolves and validates the body before method
 * security runs, so an invalid body answers 400 whoever sends it.
 */
public record EndpointAccess(String method, String path, Object body, String leastRole) {

    /** People's roles, from the least to the most powerful. */
    public static final List<String> ROLES = List.of("VIEWER", "RECRUITER", "ADMIN");

    public static EndpointAccess of(String method, String path, String leastRole) {
        return new EndpointAccess(method, path, null, leastRole);
    }

    public static EndpointAccess of(String method, String path, Object body, String leastRole) {
        return new EndpointAccess(method, path, body, leastRole);
    }

    public boolean allows(String role) {
        int least = ROLES.indexOf(leastRole);
        return least >= 0 && ROLES.indexOf(role) >= least;
    }

    /** {@link #check} as each of {@link #ROLES}; {@code asRole} gives the API signed as a role. */
    public void checkEveryRole(Function<String, HttpApi> asRole) {
        ROLES.forEach(role -> check(asRole.apply(role), role));
    }

    /** Calls the endpoint with {@code api} (signed as {@code role}) and checks the answer fits the table. */
    public void check(HttpApi api, String role) {
        HttpApi.Response response = api.send(method, path, body);
        String what = role + " " + method + " " + path;
        if (allows(role)) {
            if (response.status() == 401 || response.status() == 403) {
                throw new AssertionError(what + " should get past security, got " + response);
            }
        } else {
            String type = response.problem(403).path("type").asString();
            if (!type.endsWith("/forbidden")) {
                throw new AssertionError(what + " should be a 'forbidden' problem, got " + response);
            }
        }
    }

    @Override
    public String toString() {
        return method.toUpperCase(Locale.ROOT) + " " + path + " (" + leastRole + ")";
    }
}
