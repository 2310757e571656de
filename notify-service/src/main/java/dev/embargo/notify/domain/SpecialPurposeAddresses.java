package dev.embargo.notify.domain;

import io.smallrye.common.net.CidrAddress;
import io.smallrye.common.net.Inet;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The addresses no webhook may reach: every block of IANA's IPv4 and IPv6 special-purpose address
 * registries, multicast, and IPv6 outside global unicast (2000::/3). IPv6 forms that carry an IPv4
 * address (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4) are judged by that IPv4 address,
 * which is where a connection to them ends up: {@code [::127.0.0.1]} is loopback. Teredo and
 * local-use NAT64 sit in blocks IANA marks as not globally reachable, refused whole.
 *
 * <p>Blocks are matched by SmallRye's {@link CidrAddress} (Quarkus' trusted-proxy matching), not by
 * Netty's {@code IpSubnetFilterRule}, which also matches any IPv6 address whose prefix bits are all
 * ones: fe80::1 would be in fc00::/7.
 */
public final class SpecialPurposeAddresses {

    private static final List<Block> IPV4 =
            List.of(
                    block("0.0.0.0/8", "this network"),
                    block("10.0.0.0/8", "private use"),
                    block("100.64.0.0/10", "shared address space"),
                    block("127.0.0.0/8", "loopback"),
                    block("169.254.0.0/16", "link local"),
                    block("172.16.0.0/12", "private use"),
                    block("192.0.0.0/24", "IETF protocol assignments"),
                    block("192.0.2.0/24", "documentation"),
                    block("192.31.196.0/24", "AS112"),
                    block("192.52.193.0/24", "AMT"),
                    block("192.88.99.0/24", "6to4 relay anycast"),
                    block("192.168.0.0/16", "private use"),
                    block("192.175.48.0/24", "AS112 direct delegation"),
                    block("198.18.0.0/15", "benchmarking"),
                    block("198.51.100.0/24", "documentation"),
                    block("203.0.113.0/24", "documentation"),
                    block("224.0.0.0/4", "multicast"),
                    block("255.255.255.255/32", "limited broadcast"),
                    block("240.0.0.0/4", "reserved"));

    /** Looked through in order: the first block that holds an address decides. */
    private static final List<Block> IPV6 =
            List.of(
                    block("::1/128", "loopback"),
                    block("::/128", "unspecified"),
                    carrier("::/96", 12, "an IPv4-compatible address"),
                    carrier("64:ff9b::/96", 12, "a NAT64 address"),
                    block("64:ff9b:1::/48", "local-use NAT64"),
                    block("100::/64", "discard-only"),
                    block("100:0:0:1::/64", "dummy prefix"),
                    block("2001::/23", "IETF protocol assignments, Teredo included"),
                    block("2001:db8::/32", "documentation"),
                    carrier("2002::/16", 2, "a 6to4 address"),
                    block("2620:4f:8000::/48", "AS112 direct delegation"),
                    block("3fff::/20", "documentation"),
                    block("5f00::/16", "segment routing"),
                    block("fc00::/7", "unique local"),
                    block("fe80::/10", "link local"),
                    block("fec0::/10", "site local"),
                    block("ff00::/8", "multicast"),
                    block("::/3", "not global unicast"),
                    block("4000::/2", "not global unicast"),
                    block("8000::/1", "not global unicast"));

    private SpecialPurposeAddresses() {}

    /** The name of the special-purpose block the address is in, if any. */
    public static Optional<String> blockOf(InetAddress address) {
        // Rebuilt from its bytes, an IPv4-mapped IPv6 address becomes the IPv4 address it maps.
        InetAddress plain = fromBytes(address.getAddress());
        for (Block block : plain instanceof Inet4Address ? IPV4 : IPV6) {
            if (block.range().matches(plain)) {
                return block.ipv4At() < 0
                        ? Optional.of(block.name())
                        : blockOf(block.ipv4In(plain))
                                .map(name -> name + " inside " + block.name());
            }
        }
        return Optional.empty();
    }

    private static InetAddress fromBytes(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(
                    "Neither IPv4 nor IPv6: " + bytes.length + " bytes", e);
        }
    }

    private static Block block(String cidr, String name) {
        return carrier(cidr, -1, name);
    }

    private static Block carrier(String cidr, int ipv4At, String name) {
        return new Block(Objects.requireNonNull(Inet.parseCidrAddress(cidr), cidr), name, ipv4At);
    }

    /**
     * A block of addresses; for one whose addresses carry an IPv4 address, the byte it starts at.
     */
    private record Block(CidrAddress range, String name, int ipv4At) {

        InetAddress ipv4In(InetAddress address) {
            return fromBytes(Arrays.copyOfRange(address.getAddress(), ipv4At, ipv4At + 4));
        }
    }
}
