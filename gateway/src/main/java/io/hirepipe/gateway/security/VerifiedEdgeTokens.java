package io.hirepipe.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Edge tokens whose signature was already verified, kept by their exact text so that a client's next
 * request skips parsing and the HMAC check. A person sends the same access token with every request
 * for its whole lifetime, and that check was a measurable share of a cheap proxied request.
 *
 * <p>Only the signature check is remembered: the claims are validated again on every use, so a token
 * still stops at its expiry, and sign-out, deactivation and role changes are checked per request
 * after decoding anyway ({@code SignInChecks}). A key is the whole token, signature included, so a
 * tampered token never matches an entry. Bounded, and entries go after {@code keepFor}, so many
 * clients cannot exhaust memory.
 */
public class VerifiedEdgeTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /** {@code verifier} checks signature and claims; {@code validator} is the claims check it applies. */
    public VerifiedEdgeTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maximumSize,
                              Duration keepFor) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(keepFor).build();
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            return Mono.error(new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                    result.getErrors()));
        }
        return Mono.just(known);
    }
}
