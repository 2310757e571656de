package dev.embargo.intake.web;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The researcher's pages: static shells from {@code web/} on the classpath (one layout, and each
 * page's main content and footer), which their scripts (under {@code /assets/intake/}) fill from
 * the public API. A shell holds nothing of any program or report, so it is the same for every path:
 * an unknown program or tracking id is the API's 404, which the page shows. The status link's token
 * travels in the URL fragment, which never reaches the server.
 */
@Path("/")
@Produces(ResearcherPages.HTML)
public class ResearcherPages {

    static final String HTML = "text/html; charset=utf-8";

    /** The shells, put together once: the same bytes for every request. */
    private final Map<Page, byte[]> shells =
            Stream.of(Page.values())
                    .collect(
                            Collectors.toUnmodifiableMap(
                                    Function.identity(),
                                    page -> shell(page).getBytes(StandardCharsets.UTF_8)));

    /** Each page: the file of its content, its title and the script that fills it. */
    enum Page {
        PROGRAMS("programs.html", "Report a vulnerability", "programs-page.js"),
        PROGRAM("program.html", "Program", "program-page.js"),
        REPORT_FORM("report-form.html", "Report a vulnerability", "report-page.js"),
        STATUS("status.html", "Your report", "status-page.js");

        final String file;
        final String title;
        final String script;

        Page(String file, String title, String script) {
            this.file = file;
            this.title = title;
            this.script = script;
        }
    }

    @GET
    @Path("report")
    @NonBlocking
    @Operation(hidden = true)
    public Response programs() {
        return page(Page.PROGRAMS);
    }

    @GET
    @Path("report/{slug}")
    @NonBlocking
    @Operation(hidden = true)
    public Response program() {
        return page(Page.PROGRAM);
    }

    @GET
    @Path("report/{slug}/new")
    @NonBlocking
    @Operation(hidden = true)
    public Response reportForm() {
        return page(Page.REPORT_FORM);
    }

    @GET
    @Path("status/{trackingId}")
    @NonBlocking
    @Operation(hidden = true)
    public Response status() {
        return page(Page.STATUS);
    }

    /**
     * The page as served; the security headers common to pages and assets come from the HTTP filter
     * in the configuration.
     */
    Response page(Page page) {
        return Response.ok(shells.get(page), HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** The page's whole document: the layout around the page's own content. */
    static String shell(Page page) {
        return read("layout.html")
                .replace("{title}", page.title)
                .replace("{script}", page.script)
                .replace("{body}", read(page.file));
    }

    private static String read(String file) {
        try (InputStream in =
                ResearcherPages.class.getClassLoader().getResourceAsStream("web/" + file)) {
            if (in == null) {
                throw new IllegalStateException(
                        "The page shell web/" + file + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
