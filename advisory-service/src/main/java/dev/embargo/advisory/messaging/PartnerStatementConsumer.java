package dev.embargo.advisory.messaging;

import dev.embargo.advisory.service.PartnerStatements;
import dev.embargo.contracts.partner.PartnerStatementMade;
import dev.embargo.kit.inbox.EventHandlers;
import dev.embargo.kit.inbox.InboundEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Keeps what partners state about their products in answer to pre-advisories, for the advisory's
 * VEX documents. The topic also carries advisory's own events, which this consumer passes by.
 */
@ApplicationScoped
public class PartnerStatementConsumer {

    private static final String CONSUMER = "advisory.partner-statements";

    private final InboundEvents inbound;
    private final EventHandlers handlers;

    PartnerStatementConsumer(InboundEvents inbound, PartnerStatements statements) {
        this.inbound = inbound;
        this.handlers = new EventHandlers().on(PartnerStatementMade.class, statements::made);
    }

    @Incoming("advisory-lifecycle")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, handlers);
    }
}
