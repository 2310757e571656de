package dev.embargo.advisory;

import dev.embargo.localstack.ServiceTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every {@code @QuarkusTest} of advisory runs on real PostgreSQL and Kafka, started once for the
 * module by the local stack's code (no Docker, no other service). Staff are stood in by
 * {@code @TestSecurity}; triage's events are sent by {@link TriageEvents}.
 */
@QuarkusTestResource(
        value = ServiceTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "advisory"))
public final class AdvisoryTestInfrastructure {

    private AdvisoryTestInfrastructure() {}
}
