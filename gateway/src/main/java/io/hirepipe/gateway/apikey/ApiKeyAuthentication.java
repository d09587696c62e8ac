package io.hirepipe.gateway.apikey;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.gateway.security.CallerAuthentication;
import io.hirepipe.gateway.versioning.PublicApi;
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

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Authenticates {@code X-Api-Key: hp_<id>_<secret>} as a PLATFORM caller of the key's tenant.
 * Requests without the header pass through untouched. A bearer token takes precedence: when one is
 * present the key is ignored here (and, like every client credential, never forwarded).
 *
 * <p>On the Greenhouse partner paths only, the key may also come as Greenhouse sends it: HTTP Basic
 * with the key as user name and an empty password ({@code Authorization: Basic base64(key:)}). It is
 * then the same key, with the same scopes; everywhere else Basic is not a way in.
 */
public final class ApiKeyAuthentication {

    public static final String HEADER = "X-Api-Key";
    private static final String BASIC = "Basic ";
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
            return (headers.containsHeader(HEADER) && !headers.containsHeader(HttpHeaders.AUTHORIZATION))
                    || basicCredentials(exchange) != null
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        });
        filter.setServerAuthenticationConverter(ApiKeyAuthentication::presentedKey);
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint));
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return filter;
    }

    private static Mono<Authentication> presentedKey(ServerWebExchange exchange) {
        String basic = basicCredentials(exchange);
        String value = basic != null ? keyOfBasic(basic) : exchange.getRequest().getHeaders().getFirst(HEADER);
        if (value == null) {
            return Mono.empty();
        }
        return Mono.just(new PresentedKey(value.length() > MAX_HEADER_LENGTH ? "" : value));
    }

    /** The encoded part of {@code Authorization: Basic ...} on a Greenhouse partner path; null otherwise. */
    private static String basicCredentials(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() < BASIC.length()
                || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())
                || !exchange.getRequest().getPath().pathWithinApplication().value().startsWith(PublicApi.GREENHOUSE)) {
            return null;
        }
        return authorization.substring(BASIC.length()).strip();
    }

    /**
     * The key from {@code base64(key:)}; "" (which no key matches) when it is not that: bad base64,
     * no colon, or a password, which Greenhouse never sends.
     */
    private static String keyOfBasic(String encoded) {
        if (encoded.length() > MAX_HEADER_LENGTH * 2) {
            return "";
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && colon == decoded.length() - 1 ? decoded.substring(0, colon) : "";
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
