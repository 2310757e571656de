package dev.embargo.advisory;

import dev.embargo.localstack.ServiceTestEvents;
import dev.embargo.localstack.ServiceTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every {@code @QuarkusTest} of advisory runs on real PostgreSQL and Kafka, started once for the
 * module by the local stack's code (no Docker, no other service). Staff are stood in by
 * {@code @TestSecurity}; triage's and notify's events are sent through {@link #triage()} and {@link
 * #notifyService()}; CVE Services is the local stand-in ({@link CveServicesStandInResource}).
 */
@QuarkusTestResource(
        value = ServiceTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "advisory"))
@QuarkusTestResource(CveServicesStandInResource.class)
public final class AdvisoryTestInfrastructure {

    private AdvisoryTestInfrastructure() {}

    /** This module's test broker, with events published as triage's relay publishes them. */
    public static ServiceTestEvents triage() {
        return eventsOf("triage");
    }

    /** The same broker, with events published as notify's relay publishes them. */
    public static ServiceTestEvents notifyService() {
        return eventsOf("notify");
    }

    private static ServiceTestEvents eventsOf(String service) {
        return ServiceTestEvents.on(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                service);
    }
}
