package io.hirepipe.gateway.apikey;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.gateway.security.CallerAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Authenticates {@code X-Api-Key: hp_<id>_<secret>} as a PLATFORM caller of the key's tenant.
 * Requests without the header pass through untouched. A bearer token takes precedence: when one is
 * present the key is ignored here (and, like every client credential, never forwarded).
 */
public final class ApiKeyAuthentication {

    public static final String HEADER = "X-Api-Key";
    /** Longer than any key we issue; anything bigger is refused without a lookup. */
    private static final int MAX_HEADER_LENGTH = 128;

    private ApiKeyAuthentication() {
    }

    public static AuthenticationWebFilter filter(ApiKeys apiKeys, ServerAuthenticationEntryPoint entryPoint) {
        ReactiveAuthenticationManager manager = authentication -> {
            String presented = ((PresentedKey) authentication).value;
            return apiKeys.authenticate(presented)
                    .<Authentication>map(key -> new CallerAuthentication(Caller.platform(key.tenantId(), key.id()),
                            key.effectiveScopes()))
                    .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Invalid API key")));
        };
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setRequiresAuthenticationMatcher(exchange -> {
            var headers = exchange.getRequest().getHeaders();
            return headers.containsHeader(HEADER) && !headers.containsHeader(HttpHeaders.AUTHORIZATION)
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        });
        filter.setServerAuthenticationConverter(ApiKeyAuthentication::presentedKey);
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint));
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return filter;
    }

    private static Mono<Authentication> presentedKey(ServerWebExchange exchange) {
        String value = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (value == null) {
            return Mono.empty();
        }
        return Mono.just(new PresentedKey(value.length() > MAX_HEADER_LENGTH ? "" : value));
    }

    /** The unverified key from the header. */
    private static final class PresentedKey extends AbstractAuthenticationToken {
        private final String value;

        PresentedKey(String value) {
            super(List.of());
            this.value = value;
        }

        @Override
        public Object getCredentials() {
            return value;
        }

        @Override
        public Object getPrincipal() {
            return "api-key";
        }
    }
}
