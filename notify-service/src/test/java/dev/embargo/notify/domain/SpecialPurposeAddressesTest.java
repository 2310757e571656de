package dev.embargo.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecialPurposeAddressesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    # IPv4 special-purpose registry, multicast and broadcast
                    0.0.0.0                                 | this network
                    10.0.0.8                                | private use
                    100.64.0.1                              | shared address space
                    100.127.255.255                         | shared address space
                    127.0.0.1                               | loopback
                    127.255.255.254                         | loopback
                    169.254.169.254                         | link local
                    172.16.5.4                              | private use
                    172.31.255.255                          | private use
                    192.0.0.170                             | IETF protocol assignments
                    192.0.2.1                               | documentation
                    192.31.196.1                            | AS112
                    192.52.193.1                            | AMT
                    192.88.99.1                             | 6to4 relay anycast
                    192.168.1.1                             | private use
                    192.175.48.1                            | AS112 direct delegation
                    198.18.0.1                              | benchmarking
                    198.19.255.255                          | benchmarking
                    198.51.100.7                            | documentation
                    203.0.113.9                             | documentation
                    224.0.0.1                               | multicast
                    239.255.255.250                         | multicast
                    240.0.0.1                               | reserved
                    255.255.255.254                         | reserved
                    255.255.255.255                         | limited broadcast
                    # IPv6 special-purpose registry, multicast, outside global unicast
                    ::1                                     | loopback
                    ::                                      | unspecified
                    64:ff9b:1::a9fe:a9fe                    | local-use NAT64
                    100::1                                  | discard-only
                    100:0:0:1::1                            | dummy prefix
                    2001:0:4136:e378:8000:63bf:80ff:fffe    | IETF protocol assignments, Teredo included
                    2001:0:5db8:d822::                      | IETF protocol assignments, Teredo included
                    2001:2::1                               | IETF protocol assignments, Teredo included
                    2001:db8::1                             | documentation
                    2620:4f:8000::1                         | AS112 direct delegation
                    3fff::1                                 | documentation
                    5f00::1                                 | segment routing
                    fd00::1                                 | unique local
                    fe80::1                                 | link local
                    fec0::1                                 | site local
                    ff02::1                                 | multicast
                    4000::1                                 | not global unicast
                    # IPv4 inside IPv6: judged by the IPv4 address
                    ::ffff:127.0.0.1                        | loopback
                    ::ffff:169.254.169.254                  | link local
                    ::127.0.0.1                             | loopback inside an IPv4-compatible address
                    ::10.0.0.1                              | private use inside an IPv4-compatible address
                    64:ff9b::127.0.0.1                      | loopback inside a NAT64 address
                    64:ff9b::a9fe:a9fe                      | link local inside a NAT64 address
                    64:ff9b::198.18.0.1                     | benchmarking inside a NAT64 address
                    2002:7f00:1::                           | loopback inside a 6to4 address
                    2002:a9fe:a9fe::1                       | link local inside a 6to4 address
                    2002:f000:1::                           | reserved inside a 6to4 address
                    2002:ffff:ffff::                        | limited broadcast inside a 6to4 address
                    """)
    void everySpecialPurposeFormIsRefusedWithItsBlock(String address, String block)
            throws UnknownHostException {
        assertThat(SpecialPurposeAddresses.blockOf(InetAddress.getByName(address))).hasValue(block);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.216.34",
                "8.8.8.8",
                "1.1.1.1",
                "100.63.255.255",
                "100.128.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.255",
                "::ffff:93.184.216.34",
                "2606:4700:4700::1111",
                "2001:4860:4860::8888",
                "2001:200::1",
                "64:ff9b::5db8:d822",
                "2002:5db8:d822::1"
            })
    void publicAddressesAndTheirIpv6FormsAreAllowed(String address) throws UnknownHostException {
        assertThat(SpecialPurposeAddresses.blockOf(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void anIpv4MappedAddressBuiltAsIpv6IsJudgedByItsIpv4Address() throws UnknownHostException {
        InetAddress mapped =
                Inet6Address.getByAddress(
                        null, HexFormat.of().parseHex("00000000000000000000ffff7f000001"), 0);

        assertThat(SpecialPurposeAddresses.blockOf(mapped)).hasValue("loopback");
    }
}
