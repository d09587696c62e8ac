package io.hirepipe.gateway.users;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.gateway.routing.DownstreamServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.time.Instant;

/**
 * Hands account emails (set-password and reset links) to notification-service, which delivers them through its
 * delivery log with durable retries; the gateway has no Kafka, so this is an HTTP call, as the gateway, within
 * the tenant. A call that is not answered 202 is a failure the caller must handle: nothing is retried here.
 * The link is a credential: it is never logged.
 */
@Component
class AccountEmails {

    private static final Logger log = LoggerFactory.getLogger(AccountEmails.class);
    static final String PATH = "/api/internal/account-emails";
    private static final String NOTIFICATION_SERVICE = "notification-service";
    /** Who the gateway is when it calls a service itself. */
    private static final String GATEWAY = "gateway";

    enum Kind { USER_INVITE, PASSWORD_RESET }

    record Request(String tenantId, String to, Kind kind, String link, Instant expiresAt, String requestId) {

        /** WebClient's codecs log bodies by toString at DEBUG; the link sets a password. */
        @Override
        public String toString() {
            return "Request[tenantId=" + tenantId + ", kind=" + kind + ", requestId=" + requestId + ", link hidden]";
        }
    }

    private final WebClient web;
    private final InternalTokenIssuer internalTokens;

    AccountEmails(DownstreamServices services, InternalTokenIssuer internalTokens, UsersProperties properties) {
        HttpClient http = HttpClient.create().responseTimeout(properties.emailTimeout());
        URI target = properties.emailService() != null ? properties.emailService() : services.notificationService();
        this.web = WebClient.builder().baseUrl(target.toString())
                .clientConnector(new ReactorClientHttpConnector(http)).build();
        this.internalTokens = internalTokens;
    }

    /**
     * @param requestId the link's id: a repeated call sends nothing twice
     * @return empty once notification-service took the email; a 503 problem when it could not
     */
    Mono<Void> send(String tenantId, String to, Kind kind, String link, Instant expiresAt, String requestId) {
        String token = internalTokens.issue(Caller.service(tenantId, GATEWAY), NOTIFICATION_SERVICE);
        return web.post().uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new Request(tenantId, to, kind, link, expiresAt, requestId))
                .exchangeToMono(response -> response.statusCode().value() == 202
                        ? response.releaseBody()
                        : response.releaseBody().then(Mono.error(new IllegalStateException(
                                "notification-service answered " + response.statusCode().value()))))
                .onErrorMap(failure -> !(failure instanceof ProblemException), failure -> {
                    // No link, no address: the request id is enough to follow it up.
                    log.warn("{} email {} not handed to notification-service: {}", kind, requestId,
                            failure.getClass().getSimpleName() + ": " + failure.getMessage());
                    return unavailable();
                });
    }

    static ProblemException unavailable() {
        return ProblemException.unavailable("email-unavailable",
                "The email cannot be sent right now, so nothing was changed. Try again shortly.");
    }
}
