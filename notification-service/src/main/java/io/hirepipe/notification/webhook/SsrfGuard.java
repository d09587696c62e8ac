package io.hirepipe.notification.webhook;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a webhook URL may be called, at subscribe time and again right before every
 * attempt (a name that resolved to a public address yesterday may resolve to 10.0.0.1 today).
 *
 * <p>Only {@code https}. Every address the host resolves to must be public: loopback, private,
 * carrier-grade NAT, link-local (cloud metadata at 169.254.169.254 included), unique-local IPv6
 * (fd00:ec2::254 included), unspecified, multicast and broadcast are refused. An IPv6 address that
 * carries an IPv4 one to its host (IPv4-mapped, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged as that
 * IPv4 address; Teredo and local-use NAT64 addresses are refused. The URL is checked before each attempt,
 * and the connection itself resolves the host through {@link #addresses}, so it reaches only addresses that
 * lookup approved: a resolver that answers differently within milliseconds (DNS rebinding) gains nothing.
 * Redirects are never followed, so no receiver can bounce a request inward.
 *
 * <p>{@code hirepipe.webhooks.allow-insecure-loopback} lets {@code http} and loopback addresses
 * through, for the local stack and tests only; every other range stays refused.
 */
@Component
public class SsrfGuard {

    private final HostResolver resolver;
    private final boolean allowInsecureLoopback;

    @Autowired
    public SsrfGuard(HostResolver resolver, WebhookProperties properties) {
        this(resolver, properties.allowInsecureLoopback());
    }

    SsrfGuard(HostResolver resolver, boolean allowInsecureLoopback) {
        this.resolver = resolver;
        this.allowInsecureLoopback = allowInsecureLoopback;
    }

    /** The URL as it will be called, or why it may not be. */
    public URI check(String url) throws UnsafeUrlException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new UnsafeUrlException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowInsecureLoopback && scheme.equals("http"))) {
            throw new UnsafeUrlException("must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UnsafeUrlException("must not carry credentials; the signature authenticates the sender");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new UnsafeUrlException("must name a host");
        }
        if (uri.getRawFragment() != null) {
            throw new UnsafeUrlException("must not have a fragment");
        }
        // java.net.URI takes any digits for a port; an impossible one would fail every delivery, never the subscribe
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new UnsafeUrlException("has port " + uri.getPort() + ", which no server listens on (1-65535)");
        }
        addresses(host);
        return uri;
    }

    /**
     * Every address {@code host} resolves to, once each is known to be one webhooks may reach. The sender connects
     * through this ({@link WebhookSender}), so a connection goes only to addresses this very lookup approved, never to
     * the answer of a second lookup a moment later (DNS rebinding).
     */
    public List<InetAddress> addresses(String host) throws UnsafeUrlException {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (TimeLimitedHostResolver.SlowLookupException e) {
            throw new UnsafeUrlException("host " + host + " could not be resolved in time (" + e.reason() + ")");
        } catch (UnknownHostException e) {
            throw new UnsafeUrlException("host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new UnsafeUrlException("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                throw new UnsafeUrlException("resolves to " + refusal + " address " + address.getHostAddress()
                        + ", which webhooks may not reach");
            }
        }
        return List.copyOf(addresses);
    }

    /** Why an address is not public, or null when it is. */
    String refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowInsecureLoopback ? null : "a loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local (cloud metadata)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private";
        }
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "a this-network";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "a carrier-grade NAT";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                // 192.0.0.0/24: IETF protocol assignments (NAT64 discovery at .170/.171, DS-Lite at .9 and .10)
                return "a special-purpose";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "a benchmarking";
            }
            if (first >= 240) {
                return "a reserved or broadcast";
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique-local (private)";
            }
            if (isTeredo(b)) {
                return "a Teredo tunnel";
            }
            if (isLocalUseNat64(b)) {
                return "a local-use NAT64";
            }
            int embeddedAt = embeddedIpv4Offset(b);
            if (embeddedAt >= 0) {
                try {
                    byte[] v4 = {b[embeddedAt], b[embeddedAt + 1], b[embeddedAt + 2], b[embeddedAt + 3]};
                    String embedded = refusal(InetAddress.getByAddress(v4));
                    return embedded == null ? null : embedded + " (embedded in IPv6)";
                } catch (UnknownHostException impossible) {
                    return "an unreadable";
                }
            }
        }
        return null;
    }

    /**
     * Where an IPv6 address carries the IPv4 address it reaches, or -1: IPv4-compatible (::a.b.c.d) and
     * IPv4-mapped (::ffff:a.b.c.d) addresses, the well-known NAT64 prefix (64:ff9b::/96, RFC 6052), whose
     * translator forwards to the IPv4 host, and 6to4 (2002::/16, RFC 3056), whose relay does.
     */
    private static int embeddedIpv4Offset(byte[] b) {
        if (isEmbeddedIpv4(b) || isWellKnownNat64(b)) {
            return 12;
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return 2;
        }
        return -1;
    }

    /** 64:ff9b::/96. */
    private static boolean isWellKnownNat64(byte[] b) {
        if (b[0] != 0 || b[1] != 0x64 || b[2] != (byte) 0xff || b[3] != (byte) 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** 64:ff9b:1::/48 (RFC 8215): a network's own translators, which may lead anywhere inside it. */
    private static boolean isLocalUseNat64(byte[] b) {
        return b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && b[4] == 0 && b[5] == 1;
    }

    /** 2001::/32 (RFC 4380): the IPv4 address it reaches is obfuscated in the address, so it is never judged. */
    private static boolean isTeredo(byte[] b) {
        return b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0;
    }

    /** IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) addresses reach the IPv4 host. */
    private static boolean isEmbeddedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
    }
}
