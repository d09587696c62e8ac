package io.hirepipe.gateway.security;

import io.hirepipe.defaults.security.CallerKind;
import io.hirepipe.defaults.security.ApiScope;
import io.hirepipe.gateway.versioning.PublicApi;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call the proxied API: people of a tenant everything their role allows (checked by the services); platform clients only what
 * their key's scopes allow, by path group and method (reads: GET and HEAD). Checked here, at the
 * edge, because the scopes belong to the API key and only the gateway knows keys; the services
 * receive the scopes in the internal token for their records.
 * A platform request to a path group no scope covers is refused: nothing is open by omission. Where that path names no
 * operation at all the refusal is the 404 a signed-in user gets, so a typo does not send an integrator after a scope.
 */
public final class ApiScopeAuthorization implements ReactiveAuthorizationManager<AuthorizationContext> {

    /** Exchange attribute naming the scope a refused request lacked, for the 403 problem. */
    public static final String MISSING_SCOPE = ApiScopeAuthorization.class.getName() + ".missing";

    /** Exchange attribute set when a refused request's path names no operation, for a 404 problem instead of 403. */
    static final String NO_OPERATION = ApiScopeAuthorization.class.getName() + ".no-operation";

    private record Rule(PathPattern path, ApiScope read, ApiScope write) {
    }

    private static final List<Rule> RULES = List.of(
            rule("/questions/**", ApiScope.QUESTIONS_READ, ApiScope.QUESTIONS_WRITE),
            rule("/tests/**", ApiScope.QUESTIONS_READ, ApiScope.QUESTIONS_WRITE),
            rule("/invitations/**", ApiScope.INVITATIONS_READ, ApiScope.INVITATIONS_WRITE),
            rule("/results/**", ApiScope.RESULTS_READ, ApiScope.RESULTS_WRITE),
            rule("/analysis/**", ApiScope.RESULTS_READ, ApiScope.RESULTS_WRITE),
            rule("/notifications/webhooks/**", ApiScope.WEBHOOKS_MANAGE, ApiScope.WEBHOOKS_MANAGE),
            rule("/notifications/**", ApiScope.NOTIFICATIONS_READ, ApiScope.NOTIFICATIONS_READ),
            rule("/integrations/greenhouse/**", ApiScope.INTEGRATIONS_GREENHOUSE, ApiScope.INTEGRATIONS_GREENHOUSE),
            rule("/operations/**", ApiScope.OPERATIONS_MANAGE, ApiScope.OPERATIONS_MANAGE));

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final OperationPaths operations;

    ApiScopeAuthorization(OperationPaths operations) {
        this.operations = operations;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerWebExchange exchange = context.getExchange();
        return authentication
                .filter(Authentication::isAuthenticated)
                .<AuthorizationResult>map(auth -> new AuthorizationDecision(allowed(auth, exchange)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private boolean allowed(Authentication auth, ServerWebExchange exchange) {
        if (auth.getPrincipal() instanceof io.hirepipe.defaults.security.Caller caller && caller.is(CallerKind.RECRUITER)) {
            // People of the tenant: which of them may do what (their role) is for each service's method security.
            return true;
        }
        if (!has(auth, CallerKind.PLATFORM.authority())) {
            return false;
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        Optional<ApiScope> required = requiredScope(exchange.getRequest().getMethod(), path);
        if (required.isEmpty() && !operations.anyAt(path)) {
            exchange.getAttributes().put(NO_OPERATION, true);
            return false;
        }
        if (required.isEmpty()) {
            // No scope opens this path (the audit log, privacy settings, erasures): the 403 says a key cannot call
            // it at all, so an integrator does not go asking for a scope that would not help.
            exchange.getAttributes().put(RequiredRoles.REQUIRED, List.of());
            return false;
        }
        boolean granted = has(auth, required.get().authority());
        if (!granted) {
            exchange.getAttributes().put(MISSING_SCOPE, required.get().value());
        }
        return granted;
    }

    /** The scope a platform client needs for this method and versioned path; empty when no scope covers it. */
    public static Optional<ApiScope> requiredScope(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream()
                .filter(rule -> rule.path().matches(container))
                .findFirst()
                .map(rule -> READS.contains(method) ? rule.read() : rule.write());
    }

    private static boolean has(Authentication auth, String authority) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }

    private static Rule rule(String pattern, ApiScope read, ApiScope write) {
        return new Rule(PathPatternParser.defaultInstance.parse(PublicApi.V1 + pattern), read, write);
    }
}
