package io.hirepipe.defaults.security;

import java.util.Objects;

/**
 * The verified identity behind a request. Controllers take it as a parameter; every read and
 * write they make is filtered by {@link #tenantId()}.
 *
 * @param subject      user id, API key id, invitation id or service name, by kind
 * @param email        the recruiter's email where known
 * @param invitationId for candidates, the one invitation (and so the one session) they may touch
 */
public record Caller(String tenantId, String subject, CallerKind kind, String email, String invitationId) {

    public Caller {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
    }

    public static Caller recruiter(String tenantId, String userId, String email) {
        return new Caller(tenantId, userId, CallerKind.RECRUITER, email, null);
    }

    public static Caller platform(String tenantId, String apiKeyId) {
        return new Caller(tenantId, apiKeyId, CallerKind.PLATFORM, null, null);
    }

    public static Caller candidate(String tenantId, String invitationId) {
        return new Caller(tenantId, invitationId, CallerKind.CANDIDATE, null, invitationId);
    }

    public static Caller service(String tenantId, String serviceName) {
        return new Caller(tenantId, serviceName, CallerKind.SERVICE, null, null);
    }

    public boolean is(CallerKind other) {
        return kind == other;
    }
}
