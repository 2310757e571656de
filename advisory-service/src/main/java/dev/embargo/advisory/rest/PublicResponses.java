package dev.embargo.advisory.rest;

import dev.embargo.advisory.domain.PublishedDocument;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * How every public read answers: a strong ETag of the exact bytes (a matching {@code If-None-Match}
 * gets {@code 304}), cache headers, and for pages a Content-Security-Policy that loads nothing from
 * elsewhere.
 */
final class PublicResponses {

    /** Documents change only with a new published revision; lists and feeds more often. */
    static final String DOCUMENT_CACHE = "public, max-age=300";

    static final String LISTING_CACHE = "public, max-age=60";
    static final String TEXT = MediaType.TEXT_PLAIN + ";charset=UTF-8";
    static final String PAGE_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
                    + "form-action 'none'; frame-ancestors 'none'";

    private PublicResponses() {}

    static Response ok(Request request, String body, String mediaType, String cacheControl) {
        EntityTag tag = new EntityTag(digest(body));
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer =
                unchanged != null ? unchanged : Response.ok(body, mediaType);
        answer.tag(tag)
                .header("Cache-Control", cacheControl)
                .header("X-Content-Type-Options", "nosniff");
        if (mediaType.startsWith("text/html")) {
            answer.header("Content-Security-Policy", PAGE_POLICY)
                    .header("Referrer-Policy", "no-referrer");
        }
        return answer.build();
    }

    /**
     * A signed document as its file {@code name} asks: the document itself, or by the suffix of
     * {@code file} its detached {@code .asc} signature or its {@code .sha256} or {@code .sha512}
     * hash line (CSAF 2.0 §7.1.18-19).
     */
    static Response signed(
            Request request,
            PublishedDocument document,
            String file,
            String name,
            String mediaType) {
        if (file.endsWith(".asc")) {
            return ok(request, document.signature, "application/pgp-signature", DOCUMENT_CACHE);
        }
        if (file.endsWith(".sha256")) {
            return ok(request, document.sha256 + "  " + name + "\n", TEXT, DOCUMENT_CACHE);
        }
        if (file.endsWith(".sha512")) {
            return ok(request, document.sha512 + "  " + name + "\n", TEXT, DOCUMENT_CACHE);
        }
        return ok(request, document.content, mediaType, DOCUMENT_CACHE);
    }

    static ProblemException notFound() {
        return new ProblemException(
                Problem.of(Response.Status.NOT_FOUND, "No published advisory here."));
    }

    private static String digest(String body) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
