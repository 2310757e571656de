package dev.embargo.notify.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks from being turned against the platform's own network (SSRF): a URL must be HTTPS
 * and its host must resolve only to public addresses (see {@link SpecialPurposeAddresses}), unless
 * configuration allows plain HTTP or private addresses (the local stack and its tests, whose
 * receivers run on 127.0.0.1). Checked when an endpoint is registered and again before every try,
 * since DNS answers change; each check looks the host up once, and the try connects to an address
 * of that answer, so an answer that changes in between (DNS rebinding) cannot redirect it.
 */
public final class EndpointAddress {

    private EndpointAddress() {}

    /** How a check ended: the URL refused, or the address to connect to. */
    public sealed interface Check {}

    /** Why the URL may not be called. */
    public record Refused(String reason) implements Check {}

    /**
     * A checked address with the URL's port. The request goes there and nowhere else, with the
     * URL's host as its Host header and TLS server name.
     */
    public record Target(InetSocketAddress address) implements Check {}

    /** Checks the URL, looking its host up once. Blocks on DNS: call it off the event loop. */
    public static Check check(
            String url, HostResolver resolver, boolean allowHttp, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new Refused("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return new Refused(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return new Refused("has no host");
        }
        if (uri.getUserInfo() != null) {
            return new Refused("must not carry credentials");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.addressesOf(uri.getHost());
        } catch (UnknownHostException e) {
            addresses = List.of();
        }
        if (addresses.isEmpty()) {
            return new Refused("its host does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                Optional<String> block = SpecialPurposeAddresses.blockOf(address);
                if (block.isPresent()) {
                    return new Refused(
                            "resolves to a special-purpose address (%s, %s)"
                                    .formatted(address.getHostAddress(), block.get()));
                }
            }
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new Target(new InetSocketAddress(withoutName(addresses.getFirst()), port));
    }

    /**
     * The address alone, without the name it was looked up by: the HTTP client keeps connections
     * per host string, and so keeps them per checked address rather than per name.
     */
    private static InetAddress withoutName(InetAddress address) {
        try {
            return address instanceof Inet6Address ipv6
                    ? Inet6Address.getByAddress(null, ipv6.getAddress(), ipv6.getScopeId())
                    : InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("An address of 4 or 16 bytes was refused", e);
        }
    }
}
