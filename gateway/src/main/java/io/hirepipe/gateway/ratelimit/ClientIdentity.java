package io.hirepipe.gateway.ratelimit;

import io.hirepipe.defaults.security.Caller;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;

/**
 * Whose budget a request draws on: the verified caller (recruiter, API key, candidate session), or
 * the remote address for anonymous requests. Keys stay in memory only; metrics never see them.
 */
final class ClientIdentity {

    private ClientIdentity() {
    }

    static String of(Caller caller) {
        return switch (caller.kind()) {
            case RECRUITER -> "recruiter:" + caller.tenantId() + ":" + caller.subject();
            case PLATFORM -> "api-key:" + caller.subject();
            case CANDIDATE -> "candidate:" + caller.invitationId();
            default -> caller.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + caller.tenantId() + ":"
                    + caller.subject();
        };
    }

    static String anonymous(ServerWebExchange exchange) {
        return "ip:" + remoteAddress(exchange);
    }

    /** The peer address; behind a proxy, set server.forward-headers-strategy so this is the client's. */
    static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
