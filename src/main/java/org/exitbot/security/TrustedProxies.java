package org.exitbot.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} the app believes. A client's address is the connection's,
 * unless that comes from a trusted proxy: then it is the nearest address in {@code X-Forwarded-For}, read from the
 * right, that is not itself a trusted proxy. What a client writes further left is its own claim and is ignored.
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges = new ArrayList<>();

    /** @param cidrs addresses ({@code 10.0.0.5}) or ranges ({@code 10.0.0.0/8}, {@code fd00::/8}) */
    TrustedProxies(List<String> cidrs) {
        for (String entry : cidrs) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split("/", 2);
            byte[] network = literal(parts[0]).orElseThrow(() -> invalid(entry));
            int prefix;
            try {
                prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            } catch (NumberFormatException e) {
                throw invalid(entry);
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw invalid(entry);
            }
            ranges.add(new Range(network, prefix));
        }
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean trusts(String address) {
        return literal(address).map(bytes -> ranges.stream().anyMatch(range -> range.contains(bytes))).orElse(false);
    }

    /**
     * @param peer         the address the connection comes from
     * @param forwardedFor the values of every {@code X-Forwarded-For} header, in order
     */
    String clientOf(String peer, List<String> forwardedFor) {
        String client = peer;
        var hops = new ArrayList<String>();
        forwardedFor.forEach(header -> {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        });
        for (int i = hops.size() - 1; i >= 0 && trusts(client); i--) {
            String hop = withoutPort(hops.get(i));
            if (literal(hop).isEmpty()) {
                break;
            }
            client = hop;
        }
        return client;
    }

    /** The bytes of an IP address literal; never a DNS lookup. */
    private static Optional<byte[]> literal(String text) {
        String address = text.trim();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (IPV4.matcher(address).matches()) {
            byte[] bytes = new byte[4];
            String[] octets = address.split("\\.");
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(octets[i]);
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(bytes);
        }
        if (!IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            // a literal with a colon is parsed, never looked up; an IPv4-mapped one comes back as IPv4
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** {@code 203.0.113.7:4711} and {@code [2001:db8::1]:4711}, as some proxies write them, without the port. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    private static IllegalStateException invalid(String entry) {
        return new IllegalStateException("exitbot.network.trusted-proxies (EXITBOT_TRUSTED_PROXIES) must be IP "
                + "addresses or CIDR ranges, comma-separated; '" + entry + "' is neither");
    }
}
