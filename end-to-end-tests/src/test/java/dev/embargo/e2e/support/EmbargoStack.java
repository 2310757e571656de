package dev.embargo.e2e.support;

import dev.embargo.localstack.LocalStack;
import dev.embargo.localstack.StackSettings;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the real stack (Kafka, PostgreSQL, Keycloak, SMTP and the four services) once for the
 * whole test run, through the same launcher as {@code ./embargo up}, in its test profile, and stops
 * it when the run ends. Test classes take a {@link RunningStack} parameter.
 */
public final class EmbargoStack implements ParameterResolver {

    private static final String KEY = "embargo-stack";
    private static final String[] SEED_PROGRAMS = {
        "pea2pea", "oxpulse-partner-edge", "x0tta6bl4", "emek", "moqtail"
    };

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> start(), StartedStack.class)
                .running();
    }

    private static StartedStack start() {
        LocalStack stack = LocalStack.create(StackSettings.fromEnvironment());
        stack.startAll();
        awaitSeedProgramsAtIntake(stack);
        return new StartedStack(stack);
    }

    /**
     * Triage publishes the seed programs as it starts; intake accepts reports for them once it has
     * read them.
     */
    private static void awaitSeedProgramsAtIntake(LocalStack stack) {
        String programs = stack.service("intake").baseUrl() + "/api/v1/programs";
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                io.restassured.RestAssured.given()
                                        .when()
                                        .get(programs)
                                        .then()
                                        .statusCode(200)
                                        .body(
                                                "slug",
                                                org.hamcrest.Matchers.hasItems(SEED_PROGRAMS)));
    }

    /** Stops everything the run started when JUnit closes the root store. */
    private record StartedStack(LocalStack stack) implements AutoCloseable {

        RunningStack running() {
            return new RunningStack(stack);
        }

        @Override
        public void close() {
            stack.stopAll();
        }
    }
}
