package dev.embargo.intake.service;

import dev.embargo.contracts.report.CaseMessagePosted;
import dev.embargo.intake.domain.ReportMessage;
import dev.embargo.intake.repository.ReportMessageRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The conversation a reporter reads on the status page. The team's messages arrive as
 * {@code case.message.posted}, already sealed, and are kept sealed; the message id makes a
 * redelivered event change nothing.
 */
@ApplicationScoped
public class ReportConversation {

    private final ReportMessageRepository messages;

    ReportConversation(ReportMessageRepository messages) {
        this.messages = messages;
    }

    /** Adds the team's message; called inside the consumer's transaction. */
    public Uni<Void> addTeamMessage(CaseMessagePosted posted) {
        UUID id = UUID.fromString(posted.messageId());
        return messages.findById(id).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            ReportMessage message = new ReportMessage();
            message.id = id;
            message.reportId = UUID.fromString(posted.reportId());
            message.author = ReportMessage.SECURITY_TEAM;
            message.sealedBody = posted.sealedBody();
            message.postedAt = posted.postedAt().atOffset(ZoneOffset.UTC);
            return messages.persist(message).replaceWithVoid();
        });
    }

    public Uni<List<ReportMessage>> messagesOf(UUID reportId) {
        return Panache.withSession(() -> messages.forReport(reportId));
    }
}
