package dev.embargo.intake.rest;

import dev.embargo.intake.service.ReportAttachments.OpenedAttachment;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How a file is handed out: always as a download under its kept name, never rendered by the browser
 * (no sniffing, a sandbox CSP), never cached, with its digest (RFC 9530) to check it.
 */
final class Downloads {

    private Downloads() {}

    static Response of(OpenedAttachment file) {
        String asciiName = file.name().replaceAll("[^A-Za-z0-9._ -]", "_");
        String encodedName =
                URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.content())
                .type(file.mediaType())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\""
                                + asciiName
                                + "\"; filename*=UTF-8''"
                                + encodedName)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "no-store")
                .header(
                        "Repr-Digest",
                        "sha-256=:"
                                + Base64.getEncoder()
                                        .encodeToString(HexFormat.of().parseHex(file.sha256()))
                                + ":")
                .build();
    }
}
