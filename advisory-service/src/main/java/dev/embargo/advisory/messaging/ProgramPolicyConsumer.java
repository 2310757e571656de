package dev.embargo.advisory.messaging;

import dev.embargo.advisory.service.ProgramViews;
import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.kit.inbox.EventHandlers;
import dev.embargo.kit.inbox.InboundEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps advisory's view of the programs in step with triage's program revisions. */
@ApplicationScoped
public class ProgramPolicyConsumer {

    private static final String CONSUMER = "advisory.programs";

    private final InboundEvents inbound;
    private final EventHandlers handlers;
    private final ProgramViews programs;

    ProgramPolicyConsumer(InboundEvents inbound, ProgramViews programs) {
        this.inbound = inbound;
        this.programs = programs;
        this.handlers = new EventHandlers().on(ProgramPolicyPublished.class, programs::apply);
    }

    @Incoming("program-policies")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, handlers);
    }
}
