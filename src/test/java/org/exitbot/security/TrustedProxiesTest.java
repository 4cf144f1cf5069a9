package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxy = new TrustedProxies(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void withNoTrustedProxyTheConnectionsAddressIsTheClients() {
        var none = new TrustedProxies(List.of());
        assertThat(none.trusts("127.0.0.1")).isFalse();
        assertThat(none.clientOf("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheClientIsTheNearestAddressItDidNotAdd() {
        assertThat(proxy.clientOf("10.1.2.3", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxy.clientOf("10.1.2.3", List.of("1.1.1.1, 203.0.113.9"))).as("the client's own claim is ignored")
                .isEqualTo("203.0.113.9");
        assertThat(proxy.clientOf("10.1.2.3", List.of("1.1.1.1", "203.0.113.9, 10.0.0.7")))
                .as("through two proxies, in two headers").isEqualTo("203.0.113.9");
        assertThat(proxy.clientOf("10.1.2.3", List.of("10.0.0.9"))).as("all of them trusted").isEqualTo("10.0.0.9");
        assertThat(proxy.clientOf("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void portsAndIpv6AreUnderstoodAndNamesNeverLookedUp() {
        assertThat(proxy.clientOf("10.1.2.3", List.of("203.0.113.9:4711"))).isEqualTo("203.0.113.9");
        assertThat(proxy.clientOf("fd00::1", List.of("[2001:db8::5]:443"))).isEqualTo("2001:db8::5");
        assertThat(proxy.trusts("::ffff:10.0.0.1")).isTrue();
        assertThat(proxy.clientOf("10.1.2.3", List.of("203.0.113.9, localhost"))).as("not an address: stop there")
                .isEqualTo("10.1.2.3");
        assertThat(proxy.clientOf("10.1.2.3", List.of("999.1.1.1"))).isEqualTo("10.1.2.3");
    }

    @Test
    void aRangeMatchesExactlyItsPrefix() {
        var narrow = new TrustedProxies(List.of("192.168.4.0/23", "172.16.0.5"));
        assertThat(narrow.trusts("192.168.5.255")).isTrue();
        assertThat(narrow.trusts("192.168.6.0")).isFalse();
        assertThat(narrow.trusts("172.16.0.5")).isTrue();
        assertThat(narrow.trusts("172.16.0.6")).isFalse();
        assertThat(narrow.trusts("not an address")).isFalse();
    }

    @Test
    void aWrongEntryStopsTheStart() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).hasMessageContaining("EXITBOT_TRUSTED_PROXIES");
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example.org"))).hasMessageContaining("proxy.example.org");
    }
}
