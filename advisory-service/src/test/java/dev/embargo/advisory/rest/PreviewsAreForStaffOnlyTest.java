package dev.embargo.advisory.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.embargo.advisory.service.AdvisoryPreviews;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A preview shows an embargoed advisory: only staff who work on advisories may read it, and no
 * public resource can reach it. Roles are checked by the annotations Quarkus enforces (no token:
 * 401; a token without the role: 403).
 */
class PreviewsAreForStaffOnlyTest {

    private static final List<Class<?>> PUBLIC_RESOURCES =
            List.of(PublicAdvisoryResource.class, CsafProviderResource.class);

    @Test
    void thePreviewAnswersOnlyPublishersCoordinatorsAndAdmins() {
        Method preview =
                Arrays.stream(AdvisoryResource.class.getMethods())
                        .filter(
                                method ->
                                        method.isAnnotationPresent(GET.class)
                                                && method.isAnnotationPresent(Path.class)
                                                && method.getAnnotation(Path.class)
                                                        .value()
                                                        .equals("/{id}/preview/{format}"))
                        .findFirst()
                        .orElseThrow();

        assertThat(preview.getAnnotation(RolesAllowed.class).value())
                .containsExactlyInAnyOrder("publisher", "coordinator", "admin");
        assertThat(preview.isAnnotationPresent(PermitAll.class)).isFalse();
        assertThat(AdvisoryResource.class.isAnnotationPresent(PermitAll.class)).isFalse();
        assertThat(AdvisoryResource.class.getAnnotation(Path.class).value())
                .startsWith("/api/v1/advisories");
    }

    @Test
    void everyStaffAdvisoryEndpointNamesItsRoles() {
        assertThat(endpoints(AdvisoryResource.class))
                .isNotEmpty()
                .allSatisfy(
                        method ->
                                assertThat(method.getAnnotation(RolesAllowed.class))
                                        .as(method.getName())
                                        .isNotNull());
    }

    @Test
    void noPublicResourceKnowsThePreviews() {
        for (Class<?> resource : PUBLIC_RESOURCES) {
            assertThat(
                            Arrays.stream(resource.getDeclaredConstructors())
                                    .flatMap(
                                            constructor ->
                                                    Arrays.stream(constructor.getParameterTypes())))
                    .as(resource.getSimpleName())
                    .doesNotContain(AdvisoryPreviews.class);
            assertThat(
                            Arrays.stream(resource.getDeclaredFields())
                                    .<Class<?>>map(field -> field.getType()))
                    .as(resource.getSimpleName())
                    .doesNotContain(AdvisoryPreviews.class);
            assertThat(endpoints(resource))
                    .extracting(method -> method.getAnnotation(Path.class).value())
                    .noneMatch(path -> path.contains("preview"));
        }
    }

    private static List<Method> endpoints(Class<?> resource) {
        return Stream.of(resource.getDeclaredMethods())
                .filter(
                        method ->
                                Stream.of(method.getAnnotations())
                                        .anyMatch(
                                                annotation ->
                                                        annotation
                                                                .annotationType()
                                                                .isAnnotationPresent(
                                                                        jakarta.ws.rs.HttpMethod
                                                                                .class)))
                .filter(
                        method ->
                                method.isAnnotationPresent(Path.class)
                                        || resource.isAnnotationPresent(Path.class))
                .toList();
    }
}
