package io.hirepipe.gateway.security;

import io.hirepipe.defaults.security.VerifiedTokens;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Edge tokens whose signature was already verified ({@link VerifiedTokens}): a person sends the same
 * access token with every request for its whole lifetime, so the next request skips parsing and the
 * HMAC check. The claims are still validated on every use, and sign-out, deactivation and role changes
 * are checked per request after decoding anyway ({@code SignInChecks}).
 */
public class VerifiedEdgeTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final VerifiedTokens verified;

    /** {@code verifier} checks signature and claims; {@code validator} is the claims check it applies. */
    public VerifiedEdgeTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maximumSize,
                              Duration keepFor) {
        this.verifier = verifier;
        this.verified = new VerifiedTokens(validator, maximumSize, keepFor);
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known;
        try {
            known = verified.remembered(token);
        } catch (JwtException e) {
            return Mono.error(e);
        }
        return known != null ? Mono.just(known) : verifier.decode(token).doOnNext(jwt -> verified.remember(token, jwt));
    }
}
