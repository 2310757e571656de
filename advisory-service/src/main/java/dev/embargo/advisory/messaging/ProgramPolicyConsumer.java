package dev.embargo.advisory.messaging;

import dev.embargo.advisory.service.ProgramViews;
import dev.embargo.contracts.program.ProgramPolicyPublished;
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
    private final ProgramViews programs;

    ProgramPolicyConsumer(InboundEvents inbound, ProgramViews programs) {
        this.inbound = inbound;
        this.programs = programs;
    }

    @Incoming("program-policies")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, event -> switch (event.payload()) {
            case ProgramPolicyPublished published -> programs.apply(published);
            default -> Uni.createFrom().voidItem();
        });
    }
}
