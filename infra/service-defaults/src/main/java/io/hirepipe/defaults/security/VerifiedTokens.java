package io.hirepipe.defaults.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;

/**
 * Tokens whose signature was already verified, kept by their exact text so that the next request
 * carrying the same token skips parsing and the signature check. Callers send the same token many
 * times (a person's edge token for its whole life, the gateway's internal token while it reuses it),
 * and that check was a measurable share of a cheap request.
 *
 * <p>The signature check is remembered, and the claims the validator checks again on every use (all of them,
 * or only what can change for the same token text, its expiry: the caller's choice), so a token still stops
 * at its expiry. A key is the whole token, header (with its {@code kid}) and signature
 * included, so a tampered or differently signed token never matches an entry. Bounded, and entries go
 * after {@code keepFor}, so many callers cannot exhaust memory; {@code keepFor} is also how long a
 * remembered token outlives the removal of the key that signed it.
 */
public class VerifiedTokens {

    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * {@code validator} is applied again to remembered tokens: the verifier's whole claims check, or at least the
     * part of it that can fail later for the same token (its expiry).
     */
    public VerifiedTokens(OAuth2TokenValidator<Jwt> validator, long maximumSize, Duration keepFor) {
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(keepFor).build();
    }

    /**
     * The remembered token with its claims checked again now, or {@code null} when its signature has not
     * been verified recently.
     *
     * @throws JwtValidationException when the claims no longer hold (it is then forgotten)
     */
    public Jwt remembered(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return null;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                    result.getErrors());
        }
        return known;
    }

    /** Remember {@code jwt}, decoded from {@code token} after its signature and claims were verified. */
    public void remember(String token, Jwt jwt) {
        verified.put(token, jwt);
    }
}
