package io.hirepipe.gateway.security;

import org.springframework.security.authorization.AuthorityReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Spring's role check for a path group, which also leaves the roles it wanted on a refused exchange, so the 403 can
 * say what the caller lacks (as {@link ApiScopeAuthorization} does with a key's missing scope).
 */
final class RequiredRoles implements ReactiveAuthorizationManager<AuthorizationContext> {

    /** Exchange attribute: the roles a refused request needed, as a {@code List<String>}. */
    static final String REQUIRED = RequiredRoles.class.getName() + ".required";

    private final List<String> roles;
    private final ReactiveAuthorizationManager<AuthorizationContext> check;

    private RequiredRoles(List<String> roles) {
        this.roles = roles;
        this.check = AuthorityReactiveAuthorizationManager.hasAnyRole(roles.toArray(String[]::new));
    }

    static RequiredRoles anyOf(String... roles) {
        return new RequiredRoles(List.of(roles));
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return check.authorize(authentication, context).doOnNext(result -> {
            if (!result.isGranted()) {
                context.getExchange().getAttributes().put(REQUIRED, roles);
            }
        });
    }
}
