package dev.embargo.notify.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks up a host's addresses. A webhook check asks once and the request goes to an address of that
 * one answer; tests stand in a DNS server whose answer changes (rebinding).
 */
@FunctionalInterface
public interface HostResolver {

    /** Every address of the host (an IP literal is its own answer); blocks on DNS. */
    List<InetAddress> addressesOf(String host) throws UnknownHostException;
}
