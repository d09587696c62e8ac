package io.hirepipe.notification.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard as production runs it: loopback not allowed, names resolved through a fixed table. */
class SsrfGuardTest {

    private static final Map<String, String> HOSTS = Map.of(
            "hooks.partner.example", "93.184.216.34",
            "intranet.partner.example", "10.20.30.40",
            "metadata.partner.example", "169.254.169.254",
            "v6.partner.example", "2606:2800:220:1:248:1893:25c8:1946",
            "ula.partner.example", "fd00:ec2::254");

    private final SsrfGuard guard = new SsrfGuard(host -> {
        String address = HOSTS.get(host);
        if (address != null) {
            return List.of(InetAddress.getByName(address));
        }
        if (host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || Character.isLetter(c))
                && (host.contains(":") || host.matches("[0-9.]+"))) {
            return List.of(InetAddress.getByName(host));
        }
        throw new UnknownHostException(host);
    }, false);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://hooks.partner.example/hirepipe",
            "https://hooks.partner.example:8443/a?b=c",
            "https://v6.partner.example/x",
            "https://93.184.216.34/x"})
    void publicHttpsUrlsPass(String url) throws UnsafeUrlException {
        assertThat(guard.check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/x", "https://127.1.2.3/x", "https://[::1]/x",
            "https://10.0.0.1/x", "https://172.16.5.4/x", "https://172.31.255.255/x", "https://192.168.1.1/x",
            "https://169.254.169.254/latest/meta-data/", "https://[fe80::1]/x", "https://[fd00:ec2::254]/x",
            "https://[fc00::1]/x", "https://0.0.0.0/x", "https://[::]/x", "https://224.0.0.1/x",
            "https://[ff02::1]/x", "https://100.64.0.1/x", "https://255.255.255.255/x",
            "https://[::ffff:10.0.0.1]/x", "https://[::ffff:127.0.0.1]/x",
            "https://intranet.partner.example/x", "https://metadata.partner.example/x",
            "https://ula.partner.example/x"})
    void internalAddressesAreRefusedWhateverTheSpelling(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining("which webhooks may not reach");
    }

    /**
     * IPv6 forms that carry an IPv4 address to a translator or tunnel (NAT64, 6to4) reach that IPv4 host: an internal one
     * is refused like the IPv4 address itself. Teredo and local-use NAT64 prefixes are refused whatever they carry.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "https://[64:ff9b::a9fe:a9fe]/x", "https://[64:ff9b::10.0.0.1]/x", "https://[64:ff9b::127.0.0.1]/x",
            "https://[2002:a9fe:a9fe::1]/x", "https://[2002:0a00:0001::]/x", "https://[2002:7f00:1::]/x",
            "https://[64:ff9b:1::5db8:d822]/x", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x",
            "https://192.0.0.170/x", "https://192.0.0.9/x"})
    void internalIpv4AddressesBehindIpv6TranslatorsAndTunnelsAreRefused(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining("which webhooks may not reach");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://[64:ff9b::5db8:d822]/x", "https://[2002:5db8:d822::1]/x"})
    void aPublicIpv4AddressBehindNat64Or6to4Passes(String url) throws UnsafeUrlException {
        assertThat(guard.check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.partner.example/x", "http://127.0.0.1/x", "ftp://hooks.partner.example/x",
            "file:///etc/passwd", "gopher://hooks.partner.example/x", "//hooks.partner.example/x"})
    void onlyHttpsIsAllowed(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(UnsafeUrlException.class)
                .hasMessage("must be an https URL");
    }

    @Test
    void otherMalformedUrlsAreRefusedWithAReason() {
        assertThatThrownBy(() -> guard.check("https://user:pw@hooks.partner.example/x")).hasMessageContaining("credentials");
        assertThatThrownBy(() -> guard.check("https:///x")).hasMessageContaining("host");
        assertThatThrownBy(() -> guard.check("https://nowhere.invalid/x")).hasMessageContaining("does not resolve");
        assertThatThrownBy(() -> guard.check("https://exa mple.com/")).hasMessage("is not a valid URL");
        assertThatThrownBy(() -> guard.check("https://hooks.partner.example:99999/x")).hasMessageContaining("port 99999");
        assertThatThrownBy(() -> guard.check("https://hooks.partner.example:0/x")).hasMessageContaining("port 0");
    }

    @Test
    void aNameWithOnePrivateAddressAmongPublicOnesIsRefused() {
        SsrfGuard mixed = new SsrfGuard(host -> List.of(InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("192.168.0.10")), false);
        assertThatThrownBy(() -> mixed.check("https://mixed.partner.example/x"))
                .hasMessageContaining("192.168.0.10");
    }

    @Test
    void theLocalStackSettingLetsHttpAndLoopbackThroughButNothingElseInternal() throws UnsafeUrlException {
        SsrfGuard local = new SsrfGuard(host -> List.of(InetAddress.getByName(host)), true);
        assertThat(local.check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
        assertThat(local.check("http://[::1]:9000/hook").getPort()).isEqualTo(9000);
        assertThatThrownBy(() -> local.check("http://169.254.169.254/")).isInstanceOf(UnsafeUrlException.class);
        assertThatThrownBy(() -> local.check("http://10.0.0.1/")).isInstanceOf(UnsafeUrlException.class);
    }
}
