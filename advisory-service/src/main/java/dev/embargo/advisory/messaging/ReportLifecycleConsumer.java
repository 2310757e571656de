package dev.embargo.advisory.messaging;

import dev.embargo.advisory.service.CveSubmissions;
import dev.embargo.advisory.service.LifecycleProjection;
import dev.embargo.contracts.program.CveIdRejected;
import dev.embargo.contracts.report.CaseCveAssigned;
import dev.embargo.contracts.report.CaseCveRejected;
import dev.embargo.contracts.report.CaseSeverityChanged;
import dev.embargo.contracts.report.CaseSsvcDecided;
import dev.embargo.contracts.report.CaseStateChanged;
import dev.embargo.contracts.report.ReportAcknowledged;
import dev.embargo.contracts.report.ReportSubmitted;
import dev.embargo.kit.inbox.EventHandlers;
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
    private final EventHandlers handlers;
    private final LifecycleProjection projection;

    ReportLifecycleConsumer(
            InboundEvents inbound, LifecycleProjection projection, CveSubmissions cveSubmissions) {
        this.inbound = inbound;
        this.projection = projection;
        this.handlers =
                new EventHandlers()
                        .on(ReportSubmitted.class, projection::submitted)
                        .on(ReportAcknowledged.class, projection::acknowledged)
                        .on(CaseStateChanged.class, projection::stateChanged)
                        .on(CaseSeverityChanged.class, projection::severityChanged)
                        .on(CaseSsvcDecided.class, projection::ssvcDecided)
                        .on(CaseCveAssigned.class, projection::cveAssigned)
                        .on(
                                CaseCveRejected.class,
                                rejected ->
                                        projection
                                                .cveRejected(rejected)
                                                .chain(() -> cveSubmissions.rejected(rejected)))
                        .on(CveIdRejected.class, cveSubmissions::rejectedUnused);
    }

    @Incoming("report-lifecycle")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, handlers);
    }
}
