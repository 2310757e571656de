package dev.embargo.intake.messaging;

import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.intake.service.ProgramCatalog;
import dev.embargo.kit.inbox.EventHandlers;
import dev.embargo.kit.inbox.InboundEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps intake's program catalog in step with triage's program revisions. */
@ApplicationScoped
public class ProgramPolicyConsumer {

    private static final String CONSUMER = "intake.program-catalog";

    private final InboundEvents inbound;
    private final EventHandlers handlers;
    private final ProgramCatalog catalog;

    ProgramPolicyConsumer(InboundEvents inbound, ProgramCatalog catalog) {
        this.inbound = inbound;
        this.catalog = catalog;
        this.handlers = new EventHandlers().on(ProgramPolicyPublished.class, catalog::apply);
    }

    @Incoming("program-policies")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, handlers);
    }
}
