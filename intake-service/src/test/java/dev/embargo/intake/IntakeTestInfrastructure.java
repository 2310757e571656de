package dev.embargo.intake;

import dev.embargo.localstack.ServiceTestEvents;
import dev.embargo.localstack.ServiceTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every {@code @QuarkusTest} of intake runs on real PostgreSQL and Kafka, started once for the
 * module by the local stack's code (no Docker, no other service). Triage is not there: tests
 * publish its events themselves ({@link #triage()}), the seed programs first of all.
 */
@QuarkusTestResource(
        value = ServiceTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "intake"))
public final class IntakeTestInfrastructure {

    private IntakeTestInfrastructure() {}

    /** This module's test broker, with events published as triage's relay publishes them. */
    public static ServiceTestEvents triage() {
        return ServiceTestEvents.on(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "triage");
    }
}
