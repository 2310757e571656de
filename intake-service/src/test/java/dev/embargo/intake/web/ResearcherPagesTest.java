package dev.embargo.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ResearcherPagesTest {

    private final ResearcherPages pages = new ResearcherPages();

    @Test
    void servesEachPageAsUtf8HtmlThatIsNeverStored() {
        for (Response response :
                new Response[] {
                    pages.programs(), pages.program(), pages.reportForm(), pages.status()
                }) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaderString(HttpHeaders.CONTENT_TYPE))
                    .isEqualTo("text/html; charset=utf-8");
            assertThat(response.getHeaderString(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
            assertThat(html(response)).startsWith("<!doctype html>");
        }
    }

    @Test
    void eachRouteServesTheShellWhoseScriptFillsIt() {
        Map<String, Supplier<Response>> routes =
                Map.of(
                        "programs-page.js", pages::programs,
                        "program-page.js", pages::program,
                        "report-page.js", pages::reportForm,
                        "status-page.js", pages::status);
        routes.forEach(
                (script, route) ->
                        assertThat(html(route.get()))
                                .contains(
                                        "<script type=\"module\" src=\"/assets/intake/js/"
                                                + script
                                                + "\"></script>"));
    }

    @Test
    void claimsOnlyThePagesRoutesSoThatEveryOtherPathStaysA404() {
        assertThat(ResearcherPages.class.getAnnotation(Path.class).value()).isEqualTo("/");
        assertThat(
                        Arrays.stream(ResearcherPages.class.getDeclaredMethods())
                                .filter(method -> method.isAnnotationPresent(GET.class))
                                .map(method -> method.getAnnotation(Path.class).value()))
                .containsExactlyInAnyOrder(
                        "report", "report/{slug}", "report/{slug}/new", "status/{trackingId}");
        assertThat(
                        Arrays.stream(ResearcherPages.class.getDeclaredMethods())
                                .filter(ResearcherPagesTest::isHttpMethod))
                .allMatch(method -> method.isAnnotationPresent(GET.class));
    }

    private static boolean isHttpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(
                        annotation ->
                                annotation
                                        .annotationType()
                                        .isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
    }

    private static String html(Response response) {
        return new String((byte[]) response.getEntity(), StandardCharsets.UTF_8);
    }
}
