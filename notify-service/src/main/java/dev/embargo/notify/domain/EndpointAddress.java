package dev.embargo.notify.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps webhooks from being turned against the platform's own network (SSRF): a URL must be HTTPS
 * and resolve only to public addresses, unless configuration allows plain HTTP or private addresses
 * (the local stack and its tests, whose receivers run on 127.0.0.1). Checked when an endpoint is
 * registered and again before every try, since DNS answers can change.
 */
public final class EndpointAddress {

    private EndpointAddress() {}

    /**
     * Why the URL is refused, or null when it may be called. Resolves the host: call it off the
     * event loop.
     */
    public static String refusal(String url, boolean allowHttp, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return allowHttp ? "must be an http or https URL" : "must be an https URL";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "has no host";
        }
        if (uri.getUserInfo() != null) {
            return "must not carry credentials";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "its host does not resolve";
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    return "resolves to a loopback, link-local or private address ("
                            + address.getHostAddress()
                            + ")";
                }
            }
        }
        return null;
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7, unique local addresses
            return (bytes[0] & 0xfe) == 0xfc;
        }
        // 100.64.0.0/10 (carrier-grade NAT) and 169.254/16 (covered above) and 0.0.0.0/8
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64 || bytes[0] == 0;
    }
}
