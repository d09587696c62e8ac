package io.hirepipe.gateway.candidate;

import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.CallerKind;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.gateway.routing.DownstreamServices;
import io.hirepipe.gateway.routing.ServiceCalls;
import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Asks assessment-service which invitation a candidate's token belongs to. The gateway calls as
 * itself (a SERVICE caller outside any tenant): it does not know the tenant until the answer.
 */
@Component
public class InvitationRedeemClient {

    /** Who the gateway is when it calls a service on its own behalf. */
    static final Caller GATEWAY = new Caller("_platform", "gateway", CallerKind.SERVICE, null, null);
    static final String REDEEM_PATH = "/internal/invitations/redeem";
    static final String RENEW_PATH = "/internal/invitations/renew";
    /** The audience of the internal token: assessment-service and no other service accepts it. */
    static final String ASSESSMENT_SERVICE = "assessment-service";

    private final WebClient webClient;
    private final InternalTokenIssuer internalTokens;

    public InvitationRedeemClient(DownstreamServices services, ServiceCalls serviceCalls, InternalTokenIssuer internalTokens,
                                  @Value("${hirepipe.gateway.redeem-timeout:5s}") Duration timeout,
                                  @Value("${spring.cloud.gateway.server.webflux.httpclient.pool.max-idle-time:20s}")
                                  Duration poolMaxIdleTime) {
        // Like the routes' pool: drop idle connections before assessment-service's keep-alive ends them.
        ConnectionProvider pool = ConnectionProvider.builder("invitation-redeem")
                .maxIdleTime(poolMaxIdleTime)
                .evictInBackground(poolMaxIdleTime)
                .build();
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 2_000))
                .responseTimeout(timeout);
        this.webClient = serviceCalls.builderFor(services.assessmentService())
                .baseUrl(ServiceCalls.resolvable(services.assessmentService()).toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
        this.internalTokens = internalTokens;
    }

    /**
     * @param accessUntil when the candidate token must stop: the start-by expiry, or the running
     *                    session's deadline plus grace (absent from older assessment-services)
     */
    public record RedeemedInvitation(String tenantId, String invitationId, String status, Instant expiresAt,
                                     Instant accessUntil) {
    }

    /** What assessment-service says about an unusable invitation; passed on so the page can say which case it is. */
    private record Unavailable(String detail, String invitationStatus, String contactEmail) {

        /** WebClient's codecs log what they decode by toString at DEBUG; the contact is a recruiter's address. */
        @Override
        public String toString() {
            return "Unavailable[invitationStatus=" + invitationStatus + ", contactEmail hidden]";
        }
    }

    public Mono<RedeemedInvitation> redeem(String invitationToken, String correlationId) {
        return call(REDEEM_PATH, GATEWAY, new RedeemBody(invitationToken), correlationId);
    }

    /** The body of a redeem call: WebClient's codecs log bodies by toString at DEBUG, and a map would print the token. */
    private record RedeemBody(String token) {
        @Override
        public String toString() {
            return "RedeemBody[token hidden]";
        }
    }

    /** A fresh look at the invitation of a candidate token: calls within the candidate's tenant. */
    public Mono<RedeemedInvitation> renew(Caller candidate, String correlationId) {
        Caller gateway = new Caller(candidate.tenantId(), GATEWAY.subject(), CallerKind.SERVICE, null, null);
        return call(RENEW_PATH, gateway, Map.of("invitationId", candidate.invitationId()), correlationId);
    }

    private Mono<RedeemedInvitation> call(String path, Caller as, Object body, String correlationId) {
        return webClient.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + internalTokens.issue(as, ASSESSMENT_SERVICE))
                .header(CorrelationId.HEADER, correlationId)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(body)
                .exchangeToMono(this::read)
                .onErrorMap(failure -> !(failure instanceof ProblemException), InvitationRedeemClient::unreachable);
    }

    private Mono<RedeemedInvitation> read(ClientResponse response) {
        int status = response.statusCode().value();
        if (status == 200) {
            return response.bodyToMono(RedeemedInvitation.class)
                    .filter(InvitationRedeemClient::complete)
                    .switchIfEmpty(Mono.error(() -> badGateway("assessment-service returned an incomplete invitation.")));
        }
        if (status == 410) {
            return response.bodyToMono(Unavailable.class)
                    .onErrorResume(unreadable -> Mono.empty())
                    .defaultIfEmpty(new Unavailable(null, null, null))
                    .flatMap(unavailable -> Mono.error(gone(unavailable)));
        }
        Mono<RedeemedInvitation> failure = switch (status) {
            // 400: the token is not even well-formed for assessment-service; to the client it is just invalid.
            case 400, 404 -> Mono.error(new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-invitation",
                    "Unauthenticated", "The invitation token is not valid."));
            default -> Mono.error(badGateway("assessment-service could not redeem the invitation (status "
                    + status + ")."));
        };
        return response.releaseBody().then(failure);
    }

    private static ProblemException gone(Unavailable unavailable) {
        ProblemException problem = ProblemException.gone("invitation-unavailable", unavailable.detail() != null
                ? unavailable.detail()
                : "This invitation can no longer be used: it has expired, been revoked or already been completed.");
        if (unavailable.invitationStatus() != null) {
            problem = problem.with("invitationStatus", unavailable.invitationStatus());
        }
        if (unavailable.contactEmail() != null) {
            problem = problem.with("contactEmail", unavailable.contactEmail());
        }
        return problem;
    }

    private static boolean complete(RedeemedInvitation invitation) {
        return invitation.tenantId() != null && !invitation.tenantId().isBlank()
                && invitation.invitationId() != null && !invitation.invitationId().isBlank();
    }

    private static Throwable unreachable(Throwable failure) {
        if (hasCause(failure, TimeoutException.class) || hasCause(failure, io.netty.handler.timeout.TimeoutException.class)) {
            return new ProblemException(HttpStatus.GATEWAY_TIMEOUT, "downstream-timeout", "Gateway timeout",
                    "assessment-service did not answer in time.");
        }
        if (hasCause(failure, ConnectException.class)) {
            return ProblemException.unavailable("downstream-unavailable",
                    "assessment-service cannot be reached right now. Try again shortly.");
        }
        return badGateway("assessment-service returned an invalid response.");
    }

    private static ProblemException badGateway(String detail) {
        return new ProblemException(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway", detail);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
