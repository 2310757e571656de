package dev.embargo.intake;

import dev.embargo.localstack.ServiceTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every {@code @QuarkusTest} of intake runs on real PostgreSQL and Kafka, started once for the
 * module by the local stack's code (no Docker, no other service). Triage is not there: tests
 * publish its events themselves ({@code support.TriageEvents}), the seed programs first of all.
 */
@QuarkusTestResource(
        value = ServiceTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "intake"))
public final class IntakeTestInfrastructure {

    private IntakeTestInfrastructure() {}
}
