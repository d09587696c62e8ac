package io.hirepipe.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a service has to start answering a proxied request ({@code hirepipe.gateway.downstream.response-timeout}).
 *
 * <p>Applied by the routing HTTP client on the connection's own event loop (reactor-netty's response timeout, a read
 * timeout armed once the request is sent), instead of Spring Cloud Gateway's {@code httpclient.response-timeout}: that
 * one wraps every proxied response in a Reactor timeout, which arms a task on the shared parallel scheduler and
 * cancels it again from the event loop, a lock and a delay queue that every request in flight shares. A time-out
 * fails the call with Netty's {@code ReadTimeoutException}: the client gets a 504 naming the service, and the
 * service's breaker counts a failure. Once the response has begun, the limit applies to each pause between reads
 * of the body, never to the whole transfer.
 */
@ConfigurationProperties("hirepipe.gateway.downstream")
public record DownstreamResponseTimeout(Duration responseTimeout) {

    public DownstreamResponseTimeout {
        if (responseTimeout == null || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("hirepipe.gateway.downstream.response-timeout must be positive");
        }
    }
}
