package dev.embargo.e2e.support;

import dev.embargo.localstack.LocalStack;
import dev.embargo.localstack.StackSettings;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the real stack (Kafka, PostgreSQL, Keycloak, SMTP and the four services) once for the
 * whole test run, through the same launcher as {@code ./embargo up}, in its test profile, and
 * stops it when the run ends. Test classes take a {@link RunningStack} parameter.
 */
public final class EmbargoStack implements ParameterResolver {

    private static final String KEY = "embargo-stack";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> start(), StartedStack.class)
                .running();
    }

    private static StartedStack start() {
        LocalStack stack = LocalStack.create(StackSettings.fromEnvironment());
        stack.startInfrastructure();
        stack.startServices();
        return new StartedStack(stack);
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
