package io.hirepipe.gateway.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8RequestFirewallTest {

    @Test
    void plainAndWellEncodedPathsAndQueriesPass() {
        assertThat(Utf8RequestFirewall.decodesToUtf8(null)).isTrue();
        assertThat(Utf8RequestFirewall.decodesToUtf8("/api/v1/tests/t_1")).isTrue();
        assertThat(Utf8RequestFirewall.decodesToUtf8("q=caf%C3%A9&x=%E2%82%AC%F0%9F%98%80")).isTrue();
        assertThat(Utf8RequestFirewall.decodesToUtf8("a=%41%2f%2F")).isTrue();
        // a raw UTF-8 byte sequence, as Netty hands it over one char per byte
        assertThat(Utf8RequestFirewall.decodesToUtf8("q=caf\u00C3\u00A9")).isTrue();
    }

    @Test
    void bytesThatAreNotUtf8AndBrokenEscapesAreRefused() {
        assertThat(Utf8RequestFirewall.decodesToUtf8("/api/v1/tests/%FF%FE")).isFalse();
        assertThat(Utf8RequestFirewall.decodesToUtf8("q=%C3")).as("a truncated sequence").isFalse();
        assertThat(Utf8RequestFirewall.decodesToUtf8("q=%C0%AF")).as("an overlong '/'").isFalse();
        assertThat(Utf8RequestFirewall.decodesToUtf8("q=%ED%A0%80")).as("a surrogate").isFalse();
        assertThat(Utf8RequestFirewall.decodesToUtf8("q=%4")).isFalse();
        assertThat(Utf8RequestFirewall.decodesToUtf8("q=%zz")).isFalse();
        assertThat(Utf8RequestFirewall.decodesToUtf8("q=\u00FF")).isFalse();
        assertThat(Utf8RequestFirewall.decodesToUtf8("q=\u20AC")).as("not a byte").isFalse();
    }
}
