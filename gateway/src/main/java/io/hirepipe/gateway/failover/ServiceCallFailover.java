package io.hirepipe.gateway.failover;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;

/**
 * The same failover as {@link InstanceFailoverFilter} for the gateway's own calls to a load-balanced service
 * (invitation redeem, API docs) through a WebClient: {@link #retry()} goes outside the load-balancing filter and
 * sends a call whose connection was refused again, so the load balancer chooses again; {@link #noteRefusals()}
 * goes inside it, where the chosen instance's address is known, and takes that instance out of the rotation.
 */
@Component
public class ServiceCallFailover {

    private final RefusingInstances refusing;
    private final int maxAttempts;

    public ServiceCallFailover(RefusingInstances refusing, FailoverProperties properties) {
        this.refusing = refusing;
        this.maxAttempts = properties.maxAttempts();
    }

    public ExchangeFilterFunction retry() {
        return (request, next) -> attempt(request, next, 1);
    }

    private Mono<ClientResponse> attempt(ClientRequest request, ExchangeFunction next, int attempt) {
        return next.exchange(request).onErrorResume(
                failure -> attempt < maxAttempts && ConnectFailures.isConnectFailure(failure),
                failure -> attempt(request, next, attempt + 1));
    }

    public ExchangeFilterFunction noteRefusals() {
        return (request, next) -> next.exchange(request).doOnError(ConnectFailures::isConnectFailure,
                failure -> refusing.refused(request.url()));
    }
}
