package io.hirepipe.gateway.clientaddress;

import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Who a request really came from, when proxies stand in front of the gateway. Only the peers listed here (addresses
 * or CIDR ranges, {@code hirepipe.gateway.trusted-proxies}) are believed, and only about what they added themselves:
 * each proxy appends the address it got the request from to {@code X-Forwarded-For}, so the hops are read from the
 * right, and the first one that is not itself a trusted proxy is the client. Whatever the client wrote into the
 * header stays left of that hop and is never read; the {@code Forwarded} header, which proxies commonly pass through
 * untouched, is not read at all. A request from any other peer is that peer's, whatever its headers say.
 */
public final class TrustedProxies {

    /** Proxies in a row that are followed back; a longer chain ends at the last trusted hop. */
    private static final int MAX_HOPS = 16;

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = networks;
    }

    /**
     * The trusted proxies from their addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code fc00::/7});
     * blank entries are skipped. Host names are refused: the list must not depend on DNS.
     */
    public static TrustedProxies of(List<String> entries) {
        List<Network> networks = new ArrayList<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            if (entry != null && !entry.isBlank()) {
                networks.add(Network.parse(entry.trim()));
            }
        }
        return new TrustedProxies(List.copyOf(networks));
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /** Whether {@code peer} is one of the trusted proxies. */
    public boolean trusts(InetSocketAddress peer) {
        return peer != null && peer.getAddress() != null && trusts(normalized(peer.getAddress().getAddress()));
    }

    /**
     * The client's address: {@code peer} itself unless it is a trusted proxy; then the right-most hop of
     * {@code forwardedFor} (the header's values in order) that is not a trusted proxy, or, where the chain of trusted
     * hops ends in something that is not an address, the last trusted hop. Null when {@code peer} is trusted and the
     * header names no usable hop: the peer stands.
     */
    public InetAddress clientOf(InetSocketAddress peer, List<String> forwardedFor) {
        if (!trusts(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return null;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            hops.addAll(Arrays.asList(value.split(",")));
        }
        byte[] client = null;
        for (int i = hops.size() - 1, seen = 0; i >= 0 && seen < MAX_HOPS; i--, seen++) {
            byte[] hop = address(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        try {
            return client == null ? null : InetAddress.getByAddress(client);
        } catch (java.net.UnknownHostException impossible) {
            return null;
        }
    }

    /**
     * The scheme a trusted proxy says the client used ({@code X-Forwarded-Proto}, its last value), or null when it
     * names none that is {@code http} or {@code https}.
     */
    public static String scheme(List<String> forwardedProto) {
        if (forwardedProto == null || forwardedProto.isEmpty()) {
            return null;
        }
        String last = forwardedProto.get(forwardedProto.size() - 1);
        String scheme = last.substring(last.lastIndexOf(',') + 1).trim().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? scheme : null;
    }

    private boolean trusts(byte[] address) {
        for (Network network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bytes of one {@code X-Forwarded-For} hop ({@code 192.0.2.1}, {@code 192.0.2.1:443}, {@code 2001:db8::1},
     * {@code [2001:db8::1]:443}), or null when it is not an address literal ("unknown", a host name, junk).
     */
    static byte[] address(String hop) {
        String value = hop.trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            value = end < 0 ? "" : value.substring(1, end);
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':') && value.indexOf('.') > 0) {
            value = value.substring(0, value.indexOf(':'));
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(value);
        return bytes == null ? null : normalized(bytes);
    }

    /** IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}) as the IPv4 address they are. */
    private static byte[] normalized(byte[] address) {
        if (address.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (address[i] != 0) {
                    return address;
                }
            }
            if (address[10] == (byte) 0xff && address[11] == (byte) 0xff) {
                return Arrays.copyOfRange(address, 12, 16);
            }
        }
        return address;
    }

    private record Network(byte[] base, int prefixLength) {

        static Network parse(String entry) {
            int slash = entry.indexOf('/');
            byte[] base = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? entry : entry.substring(0, slash));
            if (base == null) {
                throw invalid(entry);
            }
            base = normalized(base);
            int bits = base.length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(entry);
            }
            if (prefix < 0 || prefix > bits) {
                throw invalid(entry);
            }
            return new Network(base, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            int whole = prefixLength / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != base[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (base[whole] & mask);
        }

        private static IllegalStateException invalid(String entry) {
            return new IllegalStateException("hirepipe.gateway.trusted-proxies: '" + entry
                    + "' is not an IP address or CIDR range (HIREPIPE_TRUSTED_PROXIES, e.g. 10.0.0.0/8,192.0.2.7)");
        }
    }
}
