package io.hirepipe.defaults.security;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.List;

/**
 * What a person of a tenant may do. Each role can do everything the roles below it can:
 * an ADMIN manages users, keys, webhooks and settings; a RECRUITER manages questions, tests, invitations
 * and results; a VIEWER reads.
 */
public enum Role {
    ADMIN,
    RECRUITER,
    VIEWER;

    /** ADMIN > RECRUITER > VIEWER, as Spring Security applies it to {@code hasRole(...)}. */
    public static final RoleHierarchy HIERARCHY = RoleHierarchyImpl.withDefaultRolePrefix()
            .role(ADMIN.name()).implies(RECRUITER.name())
            .role(RECRUITER.name()).implies(VIEWER.name())
            .build();

    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * This role's authority and every one it implies. Tokens are turned into these expanded authorities,
     * so a plain {@code hasRole} check is right even where no one wired the hierarchy in.
     */
    public Collection<? extends GrantedAuthority> reachableAuthorities() {
        return HIERARCHY.getReachableGrantedAuthorities(List.of(new SimpleGrantedAuthority(authority())));
    }

    /** The role a claim names, or null for a missing or unknown one. */
    public static Role parse(String name) {
        if (name == null) {
            return null;
        }
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
