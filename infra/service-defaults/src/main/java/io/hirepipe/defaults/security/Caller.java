package io.hirepipe.defaults.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;
import java.util.Objects;

/**
 * The verified identity behind a request. Controllers take it as a parameter; every read and
 * write they make is filtered by {@link #tenantId()}.
 *
 * @param subject      user id, API key id, invitation id or service name, by kind
 * @param email        the recruiter's email where known
 * @param invitationId for candidates, the one invitation (and so the one session) they may touch
 * @param role         for people of a tenant ({@link CallerKind#RECRUITER}), what they may do; null for every
 *                     other kind
 */
public record Caller(String tenantId, String subject, CallerKind kind, String email, String invitationId, Role role) {

    public Caller {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        if (kind == CallerKind.RECRUITER) {
            Objects.requireNonNull(role, "a person of a tenant always has a role");
        } else if (role != null) {
            throw new IllegalArgumentException("only people of a tenant have a role, not a " + kind);
        }
    }

    /** A caller that is not a person of a tenant (no role). Prefer the factories. */
    public Caller(String tenantId, String subject, CallerKind kind, String email, String invitationId) {
        this(tenantId, subject, kind, email, invitationId, null);
    }

    /** A person of a tenant with the RECRUITER role. */
    public static Caller recruiter(String tenantId, String userId, String email) {
        return user(tenantId, userId, email, Role.RECRUITER);
    }

    /** A person of a tenant with the given role. */
    public static Caller user(String tenantId, String userId, String email, Role role) {
        return new Caller(tenantId, userId, CallerKind.RECRUITER, email, null, role);
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

    /**
     * Spring MVC logs a handler's arguments by toString at TRACE, and the caller is one of nearly every handler's; a
     * record's would print the person's email.
     */
    @Override
    public String toString() {
        return "Caller[tenantId=" + tenantId + ", subject=" + subject + ", kind=" + kind + ", invitationId="
                + invitationId + ", role=" + role + ", email hidden]";
    }

    public boolean is(CallerKind other) {
        return kind == other;
    }

    /** The authorities this caller holds: a person's role and every role it implies, else the kind's. */
    public List<GrantedAuthority> authorities() {
        if (role != null) {
            return role.reachableAuthorities();
        }
        return List.of(new SimpleGrantedAuthority(kind.authority()));
    }
}
