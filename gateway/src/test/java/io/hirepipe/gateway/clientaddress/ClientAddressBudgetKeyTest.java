package io.hirepipe.gateway.clientaddress;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressBudgetKeyTest {

    @Test
    void anIpv4AddressIsItsOwnKey() throws Exception {
        assertThat(ClientAddress.budgetKey(InetAddress.getByName("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6AddressesShareTheKeyOfTheirSlash64() throws Exception {
        String one = ClientAddress.budgetKey(InetAddress.getByName("2001:db8:7:1::1"));
        String privacyAddress = ClientAddress.budgetKey(InetAddress.getByName("2001:db8:7:1:a4c3:19ff:fe2b:9d01"));
        assertThat(one).isEqualTo(privacyAddress).isEqualTo("2001:db8:7:1:0:0:0:0/64");
        assertThat(ClientAddress.budgetKey(InetAddress.getByName("2001:db8:7:2::1"))).isNotEqualTo(one);
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Address() throws Exception {
        assertThat(ClientAddress.budgetKey(InetAddress.getByName("::ffff:203.0.113.7"))).isEqualTo("203.0.113.7");
    }
}
