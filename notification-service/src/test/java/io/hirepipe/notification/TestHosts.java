package io.hirepipe.notification;

import io.hirepipe.notification.webhook.HostResolver;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hosts file for tests: names in the table resolve to the addresses given, the rest as the
 * system resolves them. Lets a test make a public-looking name resolve to a private address, or
 * change its answer between subscribing and sending (DNS rebinding).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestHosts {

    private static final Map<String, String> TABLE = new ConcurrentHashMap<>();

    public static void resolve(String host, String address) {
        TABLE.put(host, address);
    }

    @Bean
    HostResolver hostResolver() {
        return host -> {
            String fixed = TABLE.get(host);
            if (fixed == null) {
                return HostResolver.system().resolve(host);
            }
            try {
                return List.of(InetAddress.getByName(fixed));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
