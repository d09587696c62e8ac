package io.hirepipe.gateway.clientaddress;

import org.springframework.web.server.ServerWebExchange;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The key a request's per-address budgets (anonymous rate limits, the login throttle) are kept under: the client's
 * address as {@link ClientAddressConfiguration} decided it. An IPv6 client is counted by its /64 network, not its
 * address: a host is routinely given a whole /64 (SLAAC, privacy addresses), so one guesser could otherwise draw on
 * 2^64 budgets.
 */
public final class ClientAddress {

    /** The network bits of an IPv6 address a budget is kept for. */
    static final int IPV6_NETWORK_BYTES = 8;

    private ClientAddress() {
    }

    public static String budgetKey(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? budgetKey(remote.getAddress()) : remote.getHostString();
    }

    static String budgetKey(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] network = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(network, IPV6_NETWORK_BYTES, network.length, (byte) 0);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException impossible) {
            return address.getHostAddress();
        }
    }
}
