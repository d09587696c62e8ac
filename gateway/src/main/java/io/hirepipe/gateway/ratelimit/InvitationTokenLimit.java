package io.hirepipe.gateway.ratelimit;

import io.hirepipe.gateway.ratelimit.ClientLimiters.Decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The token exchange's budget per invitation token, on top of the per-address one: guessing or
 * replaying one link is slowed down without starving a test centre whose candidates share one
 * address. Only a hash of the token is ever used as a key, so no token sits in memory or metrics.
 */
public class InvitationTokenLimit {

    static final String GROUP = "invitation-token";

    private final boolean enabled;
    private final ClientLimiters limiters;

    InvitationTokenLimit(RateLimitProperties properties, ClientLimiters limiters) {
        this.enabled = properties.enabled() && properties.groups().containsKey(GROUP);
        this.limiters = limiters;
    }

    /** Throws a 429 problem when this token's budget is used up. */
    public void check(String invitationToken) {
        if (!enabled) {
            return;
        }
        Decision decision = limiters.acquire(GROUP, "invitation:" + sha256(invitationToken));
        if (!decision.permitted()) {
            throw RateLimitResponses.tooManyRequests(decision);
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
