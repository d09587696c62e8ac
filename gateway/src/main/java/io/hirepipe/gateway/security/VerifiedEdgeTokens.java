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
 * HMAC check and the claims checks, which the token's signed text fixes. What can change is checked on
 * every use: its expiry ({@code stillValid}), and, after decoding, sign-out, deactivation and role changes
 * ({@code SignInChecks}).
 */
public class VerifiedEdgeTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final VerifiedTokens verified;

    /**
     * {@code verifier} checks signature and claims; {@code stillValid} is the part of its claims check that can
     * fail later for the same token (its expiry), applied again to a remembered token.
     */
    public VerifiedEdgeTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> stillValid, long maximumSize,
                              Duration keepFor) {
        this.verifier = verifier;
        this.verified = new VerifiedTokens(stillValid, maximumSize, keepFor);
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
