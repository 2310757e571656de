package dev.embargo.advisory.messaging;

import dev.embargo.advisory.service.LifecycleProjection;
import dev.embargo.contracts.report.CaseSeverityChanged;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.kit.inbox.InboundEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Feeds advisory's projection of the report lifecycle. */
@ApplicationScoped
public class ReportLifecycleConsumer {

    private static final String CONSUMER = "advisory.lifecycle";

    private final InboundEvents inbound;
    private final LifecycleProjection projection;

    ReportLifecycleConsumer(InboundEvents inbound, LifecycleProjection projection) {
        this.inbound = inbound;
        this.projection = projection;
    }

    @Incoming("report-lifecycle")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, event -> switch (event.payload()) {
            case ReportSubmitted submitted -> projection.submitted(submitted);
            case ReportAcknowledged acknowledged -> projection.acknowledged(acknowledged);
            case CaseStateChanged changed -> projection.stateChanged(changed);
            case CaseSeverityChanged scored -> projection.severityChanged(scored);
            default -> Uni.createFrom().voidItem();
        });
    }
}
