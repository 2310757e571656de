package dev.embargo.notify.messaging;

import dev.embargo.contracts.program.ProgramPolicyPublished;
import dev.embargo.kit.inbox.EventHandlers;
import dev.embargo.kit.inbox.InboundEvents;
import dev.embargo.notify.service.ProgramContacts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the security teams' addresses in step with triage's program revisions. */
@ApplicationScoped
public class ProgramPolicyConsumer {

    private static final String CONSUMER = "notify.program-contacts";

    private final InboundEvents inbound;
    private final EventHandlers handlers;
    private final ProgramContacts contacts;

    ProgramPolicyConsumer(InboundEvents inbound, ProgramContacts contacts) {
        this.inbound = inbound;
        this.contacts = contacts;
        this.handlers = new EventHandlers().on(ProgramPolicyPublished.class, contacts::apply);
    }

    @Incoming("program-policies")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, handlers);
    }
}
