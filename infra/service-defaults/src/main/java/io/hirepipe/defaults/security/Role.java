package io.hirepipe.defaults.security;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Each role's expanded authorities, worked out once: the hierarchy is fixed, and every authenticated
     * request of a person asks for them.
     */
    private static final Map<Role, List<GrantedAuthority>> REACHABLE = reachableByRole();

    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * This role's authority and every one it implies. Tokens are turned into these expanded authorities,
     * so a plain {@code hasRole} check is right even where no one wired the hierarchy in.
     */
    public List<GrantedAuthority> reachableAuthorities() {
        return REACHABLE.get(this);
    }

    private static Map<Role, List<GrantedAuthority>> reachableByRole() {
        Map<Role, List<GrantedAuthority>> reachable = new EnumMap<>(Role.class);
        for (Role role : values()) {
            reachable.put(role, List.copyOf(
                    HIERARCHY.getReachableGrantedAuthorities(List.of(new SimpleGrantedAuthority(role.authority())))));
        }
        return reachable;
    }

    /**
     * The least of the roles named (VIEWER below RECRUITER below ADMIN): what a person needs at least for an operation
     * that lets these in. Names that are no person's role (PLATFORM, SERVICE) are passed over.
     */
    public static Optional<Role> leastOf(Collection<String> names) {
        for (int i = values().length - 1; i >= 0; i--) {
            if (names.contains(values()[i].name())) {
                return Optional.of(values()[i]);
            }
        }
        return Optional.empty();
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
