package io.hirepipe.gateway.ratelimit;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.gateway.clientaddress.ClientAddress;
import org.springframework.web.server.ServerWebExchange;


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
        return "ip:" + ClientAddress.budgetKey(exchange);
    }
}
