package io.hirepipe.gateway.failover;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.cloud.client.ServiceInstance;

import java.net.URI;
import java.time.Duration;

/**
 * Service instances that recently refused a connection (or could not be reached within the connect
 * timeout), kept out of the load balancer's rotation for a while so callers stop paying a failed connect
 * and a retry for each request meant for them. Afterwards they are tried again: a restarted instance
 * rejoins on its own.
 */
public class RefusingInstances {

    private final Cache<String, Boolean> refusing;

    public RefusingInstances(Duration outOfRotationFor) {
        this.refusing = Caffeine.newBuilder().expireAfterWrite(outOfRotationFor).maximumSize(10_000).build();
    }

    /** The instance at {@code address} (scheme, host and port count; the path does not) refused a connection. */
    public void refused(URI address) {
        refusing.put(key(address.getHost(), address.getPort()), Boolean.TRUE);
    }

    public boolean isOutOfRotation(ServiceInstance instance) {
        return refusing.getIfPresent(key(instance.getHost(), instance.getPort())) != null;
    }

    private static String key(String host, int port) {
        return host + ":" + port;
    }
}
