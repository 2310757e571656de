package dev.embargo.notify;

import dev.embargo.localstack.ServiceTestEvents;
import dev.embargo.localstack.ServiceTestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every {@code @QuarkusTest} of notify runs on real PostgreSQL and Kafka, started once for the
 * module by the local stack's code (no Docker, no other service). Staff are stood in by
 * {@code @TestSecurity}; emails go to Quarkus' mock mailbox; webhook receivers are HTTP servers the
 * tests start on 127.0.0.1.
 */
@QuarkusTestResource(
        value = ServiceTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "notify"))
public final class NotifyTestInfrastructure {

    private NotifyTestInfrastructure() {}

    /**
     * This module's test broker; what it publishes comes from {@code /embargo/test}, standing in
     * for triage and advisory alike.
     */
    public static ServiceTestEvents events() {
        return ServiceTestEvents.on(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "test");
    }
}
