package dev.embargo.triage;

import dev.embargo.localstack.ServiceTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every {@code @QuarkusTest} of triage runs on real PostgreSQL and Kafka, started once for the
 * module by the local stack's code (no Docker, no other service). Staff are stood in by
 * {@code @TestSecurity}.
 */
@QuarkusTestResource(
        value = ServiceTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "triage"))
public final class TriageTestInfrastructure {

    private TriageTestInfrastructure() {}
}
