package io.hirepipe.gateway.clientaddress;

import io.netty.handler.codec.http.HttpRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import reactor.netty.http.server.ConnectionInfo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

/**
 * Decides, for every request the gateway accepts, which address it came from ({@link TrustedProxies}), before
 * anything reads it: the per-address rate limits and the login throttle, the access log, the X-Forwarded-For the
 * services receive. Spring Boot's own {@code server.forward-headers-strategy} is not used: {@code native} believes the
 * first {@code X-Forwarded-For} hop or {@code Forwarded} of any client (and Boot turns it on by itself in a Kubernetes
 * pod), so a client could name a fresh address for every request; {@code framework} does the same one layer up.
 */
@Configuration(proxyBeanMethods = false)
class ClientAddressConfiguration {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    @Bean
    NettyServerCustomizer clientAddresses(@Value("${hirepipe.gateway.trusted-proxies:}") List<String> trustedProxies,
                                          Environment environment) {
        String strategy = environment.getProperty("server.forward-headers-strategy", "");
        if (strategy.toLowerCase(Locale.ROOT).equals("framework")) {
            throw new IllegalStateException("server.forward-headers-strategy=framework lets any client choose its "
                    + "address; list the proxies in front of the gateway in hirepipe.gateway.trusted-proxies "
                    + "(HIREPIPE_TRUSTED_PROXIES) instead");
        }
        TrustedProxies proxies = TrustedProxies.of(trustedProxies);
        // Replaces whatever Boot configured (server.forward-headers-strategy=native, or Kubernetes detected).
        return server -> proxies.isEmpty() ? server.forwarded(false)
                : server.forwarded((connection, request) -> fromTrustedProxy(proxies, connection, request));
    }

    private static ConnectionInfo fromTrustedProxy(TrustedProxies proxies, ConnectionInfo connection, HttpRequest request) {
        InetSocketAddress peer = connection.getRemoteAddress();
        if (!proxies.trusts(peer)) {
            return connection;
        }
        InetAddress client = proxies.clientOf(peer, request.headers().getAll(FORWARDED_FOR));
        ConnectionInfo resolved = client == null ? connection
                : connection.withRemoteAddress(new InetSocketAddress(client, peer.getPort()));
        String scheme = TrustedProxies.scheme(request.headers().getAll(FORWARDED_PROTO));
        return scheme == null ? resolved : resolved.withScheme(scheme);
    }
}
