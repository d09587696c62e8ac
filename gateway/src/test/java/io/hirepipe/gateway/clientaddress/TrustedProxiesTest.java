package io.hirepipe.gateway.clientaddress;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private static final TrustedProxies PROXIES = TrustedProxies.of(List.of("10.0.0.0/8", " 192.0.2.7 ", "fd00::/8", ""));
    private static final InetSocketAddress LOAD_BALANCER = peer("10.1.2.3");

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItsHeadersSay() {
        assertThat(PROXIES.clientOf(peer("198.51.100.1"), List.of("203.0.113.5"))).isNull();
        assertThat(TrustedProxies.of(List.of()).clientOf(LOAD_BALANCER, List.of("203.0.113.5"))).isNull();
    }

    @Test
    void behindTrustedProxiesTheRightMostHopThatIsNoProxyIsTheClient() {
        assertThat(client(LOAD_BALANCER, "203.0.113.5")).isEqualTo("203.0.113.5");
        // The client wrote the first two hops itself.
        assertThat(client(LOAD_BALANCER, "1.1.1.1, 2.2.2.2, 203.0.113.5")).isEqualTo("203.0.113.5");
        // Through two proxies of ours, and the header's values on two lines.
        assertThat(client(LOAD_BALANCER, "9.9.9.9, 203.0.113.5", "192.0.2.7")).isEqualTo("203.0.113.5");
        assertThat(client(LOAD_BALANCER, "[2001:db8::1]:4711, 10.9.9.9")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(client(LOAD_BALANCER, "203.0.113.5:4711")).isEqualTo("203.0.113.5");
    }

    @Test
    void aHopThatIsNoAddressEndsTheChainAtTheLastTrustedHop() {
        assertThat(PROXIES.clientOf(LOAD_BALANCER, List.of("unknown"))).isNull();
        assertThat(PROXIES.clientOf(LOAD_BALANCER, List.of("evil.example, "))).isNull();
        assertThat(client(LOAD_BALANCER, "evil.example, 10.7.7.7")).isEqualTo("10.7.7.7");
    }

    @Test
    void rangesMatchByPrefixAndMappedAddressesAsIpv4() {
        assertThat(PROXIES.trusts(peer("10.255.255.255"))).isTrue();
        assertThat(PROXIES.trusts(peer("11.0.0.1"))).isFalse();
        assertThat(PROXIES.trusts(peer("192.0.2.8"))).isFalse();
        assertThat(PROXIES.trusts(peer("fd12::1"))).isTrue();
        assertThat(PROXIES.trusts(peer("fe80::1"))).isFalse();
        assertThat(PROXIES.trusts(peer("::ffff:10.0.0.1"))).isTrue();
        assertThat(TrustedProxies.of(List.of("172.16.0.0/12")).trusts(peer("172.31.255.1"))).isTrue();
        assertThat(TrustedProxies.of(List.of("172.16.0.0/12")).trusts(peer("172.32.0.1"))).isFalse();
    }

    @Test
    void onlyAddressesAndRangesAreAcceptedNeverHostNames() {
        for (String bad : List.of("proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "::/129")) {
            assertThatThrownBy(() -> TrustedProxies.of(List.of(bad))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("trusted-proxies");
        }
    }

    @Test
    void theSchemeIsTheLastHttpOrHttpsAProxyNamed() {
        assertThat(TrustedProxies.scheme(List.of("https"))).isEqualTo("https");
        assertThat(TrustedProxies.scheme(List.of("http, HTTPS"))).isEqualTo("https");
        assertThat(TrustedProxies.scheme(List.of("gopher"))).isNull();
        assertThat(TrustedProxies.scheme(List.of())).isNull();
    }

    private static String client(InetSocketAddress peer, String... forwardedFor) {
        InetAddress client = PROXIES.clientOf(peer, List.of(forwardedFor));
        return client == null ? null : client.getHostAddress();
    }

    private static InetSocketAddress peer(String address) {
        try {
            return new InetSocketAddress(InetAddress.getByName(address), 40000);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
