package io.hirepipe.gateway.security;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.ApiScope;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A verified caller at the edge, however it proved itself (recruiter or candidate token, API key).
 * The principal is the {@link Caller} the gateway forwards to the services.
 */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    /** The verified caller of the request being handled, if any (from the reactive security context). */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .ofType(Caller.class);
    }

    public CallerAuthentication(Caller caller) {
        this(caller, List.of());
    }

    /** A caller with scopes (a platform client's key), as {@code SCOPE_<scope>} authorities. */
    public CallerAuthentication(Caller caller, Collection<ApiScope> scopes) {
        super(authorities(caller, scopes));
        this.caller = caller;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(Caller caller, Collection<ApiScope> scopes) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        // A person's role and the roles it implies (ADMIN > RECRUITER > VIEWER), else the caller's kind.
        authorities.addAll(caller.authorities());
        scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
        return List.copyOf(authorities);
    }

    /** The scopes this caller was granted, as their names; empty for people. */
    public List<String> scopes() {
        return getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ApiScope.AUTHORITY_PREFIX))
                .map(authority -> authority.substring(ApiScope.AUTHORITY_PREFIX.length()))
                .toList();
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.subject();
    }
}
