package dev.embargo.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail: the one shape every Embargo error takes on the wire.
 *
 * @param type a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title short, human-readable summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong with this request, safe to show to the caller
 * @param errors per-field violations, for invalid input
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_PREFIX = "https://embargo.dev/problems/";

    public static Problem of(Response.Status status, String detail) {
        return new Problem(
                "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.of());
    }

    /** A problem with its own documented type, e.g. {@code unknown-program}. */
    public static Problem typed(String slug, int status, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, List.of());
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    /**
     * One invalid field: where it is (and on which line, for documents) and what is wrong with it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, Integer line, String message) {

        public FieldError(String field, String message) {
            this(field, null, message);
        }
    }
}
