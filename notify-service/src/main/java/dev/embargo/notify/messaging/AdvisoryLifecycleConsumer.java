package dev.embargo.notify.messaging;

import dev.embargo.contracts.advisory.PreAdvisoryReleased;
import dev.embargo.kit.inbox.InboundEvents;
import dev.embargo.notify.service.PreAdvisoryFanOut;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Turns advisory events that partners are owed into webhook deliveries. */
@ApplicationScoped
public class AdvisoryLifecycleConsumer {

    private static final String CONSUMER = "notify.partner-webhooks";

    private final InboundEvents inbound;
    private final PreAdvisoryFanOut fanOut;

    AdvisoryLifecycleConsumer(InboundEvents inbound, PreAdvisoryFanOut fanOut) {
        this.inbound = inbound;
        this.fanOut = fanOut;
    }

    @Incoming("advisory-lifecycle")
    public Uni<Void> consume(Message<String> message) {
        return inbound.process(message, CONSUMER, event -> switch (event.payload()) {
            case PreAdvisoryReleased released -> fanOut.fanOut(released, event.id());
            default -> Uni.createFrom().voidItem();
        });
    }
}
