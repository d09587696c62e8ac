package io.hirepipe.gateway.candidate;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.gateway.versioning.PublicApi;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Refusal;
import io.hirepipe.gateway.candidate.InvitationRedeemClient.RedeemedInvitation;
import io.hirepipe.gateway.ratelimit.InvitationTokenLimit;
import io.hirepipe.gateway.security.EdgeTokens;
import io.hirepipe.gateway.security.IssuedToken;
import io.hirepipe.gateway.web.CorrelationIdWebFilter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;

/**
 * Exchanges the token from a candidate's invitation link for a short-lived candidate token bound
 * to that one invitation (and so to its one session).
 */
@Tag(name = "Candidate session")
@RestController
public class CandidateTokenController {

    /** Once a session runs, its server-side deadline governs, not the invitation's start-by expiry. */
    private static final String STARTED = "STARTED";

    private final InvitationRedeemClient invitations;
    private final EdgeTokens tokens;
    private final Clock clock;
    private final InvitationTokenLimit invitationTokenLimit;

    public CandidateTokenController(InvitationRedeemClient invitations, EdgeTokens tokens, Clock clock,
                                    InvitationTokenLimit invitationTokenLimit) {
        this.invitations = invitations;
        this.tokens = tokens;
        this.clock = clock;
        this.invitationTokenLimit = invitationTokenLimit;
    }

    public record CandidateTokenRequest(@Schema(example = "it_Zx8Kq2Lm7Wp4Rt9Vb3Nc") @NotBlank @Size(max = 512) String invitationToken) {

        /** Spring's codecs log bodies by toString at DEBUG; a record's would print the invitation token. */
        @Override
        public String toString() {
            return "CandidateTokenRequest[token hidden]";
        }
    }

    public record CandidateTokenResponse(@Schema(example = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImdhdGV3YXktMSJ9.eyJzdWIiOiJzZXNfSEpzN1BxMlh2OUxtNE5jIn0.c2lnbmF0dXJl") String token,
                                         @Schema(example = "Bearer") String tokenType,
                                         Instant expiresAt) {

        @Override
        public String toString() {
            return "CandidateTokenResponse[expiresAt=" + expiresAt + ", token hidden]";
        }
    }

    @Refusal(status = 410, type = "invitation-unavailable",
            detail = "This invitation was withdrawn.")
    @Operation(summary = "Exchange an invitation token for a candidate token")
    @PostMapping(PublicApi.AUTH + "/candidate")
    public Mono<CandidateTokenResponse> exchange(@Valid @RequestBody CandidateTokenRequest request,
                                                 ServerWebExchange exchange) {
        invitationTokenLimit.check(request.invitationToken().trim());
        return invitations.redeem(request.invitationToken().trim(), CorrelationIdWebFilter.of(exchange))
                .map(this::tokenFor)
                .map(token -> new CandidateTokenResponse(token.value(), "Bearer", token.expiresAt()));
    }

    /**
     * A new candidate token for the same invitation, bound to its current deadline: the page calls
     * this when the recruiter gave extra time, before its token would run out.
     */
    @Refusal(status = 410, type = "invitation-unavailable",
            detail = "This assessment was already submitted.")
    @Operation(summary = "Renew the candidate token")
    @PostMapping(PublicApi.AUTH + "/candidate/renew")
    public Mono<CandidateTokenResponse> renew(@AuthenticationPrincipal Caller candidate, ServerWebExchange exchange) {
        return invitations.renew(candidate, CorrelationIdWebFilter.of(exchange))
                .map(this::tokenFor)
                .map(token -> new CandidateTokenResponse(token.value(), "Bearer", token.expiresAt()));
    }

    private IssuedToken tokenFor(RedeemedInvitation invitation) {
        if (invitation.accessUntil() != null) {
            return tokens.candidate(invitation.tenantId(), invitation.invitationId(), invitation.accessUntil());
        }
        boolean running = STARTED.equalsIgnoreCase(invitation.status());
        Instant expiry = invitation.expiresAt();
        if (!running && expiry != null && !expiry.isAfter(clock.instant())) {
            throw ProblemException.gone("invitation-unavailable", "This invitation has expired.");
        }
        return tokens.candidate(invitation.tenantId(), invitation.invitationId(), running ? null : expiry);
    }
}
