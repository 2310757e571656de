package dev.embargo.notify.repository;

import dev.embargo.notify.domain.EmailDelivery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EmailDeliveryRepository implements PanacheRepositoryBase<EmailDelivery, UUID> {

    private static final String CLAIM_DUE =
            """
            SELECT * FROM email_delivery WHERE status = 'PENDING' AND next_attempt_at <= now()
            ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED\
            """;
    private static final String INSERT_ONCE =
            """
            INSERT INTO email_delivery (id, report_id, kind, occasion, tracking_id, program_slug, sealed_recipient,
                                        deadlines, details, sealed_body, sealed_encrypt_to, status, attempts,
                                        next_attempt_at, created_at)
            VALUES (:id, :reportId, :kind, :occasion, :trackingId, :programSlug, :recipient, :deadlines, :details, :sealedBody,
                    :encryptTo, 'PENDING', 0, :now, :now)
            ON CONFLICT (report_id, kind, occasion) DO NOTHING\
            """;

    /**
     * Queues the delivery unless one of its kind and occasion already exists for the report; true
     * when queued.
     */
    public Uni<Boolean> queueOnce(EmailDelivery delivery) {
        return getSession()
                .chain(
                        session ->
                                session.createNativeQuery(INSERT_ONCE)
                                        .setParameter("id", delivery.id)
                                        .setParameter("reportId", delivery.reportId)
                                        .setParameter("kind", delivery.kind.name())
                                        .setParameter("occasion", delivery.occasion)
                                        .setParameter("trackingId", delivery.trackingId)
                                        .setParameter("programSlug", delivery.programSlug)
                                        .setParameter("recipient", delivery.sealedRecipient)
                                        .setParameter("deadlines", delivery.deadlines)
                                        .setParameter("details", delivery.details)
                                        .setParameter("sealedBody", delivery.sealedBody)
                                        .setParameter("encryptTo", delivery.sealedEncryptTo)
                                        .setParameter("now", delivery.createdAt)
                                        .executeUpdate()
                                        .map(inserted -> inserted == 1));
    }

    /**
     * Locks due deliveries for the current transaction; other replicas skip them, so no email is
     * sent by two dispatchers at once.
     */
    public Uni<List<EmailDelivery>> claimDue(int limit) {
        return getSession()
                .chain(
                        session ->
                                session.createNativeQuery(CLAIM_DUE, EmailDelivery.class)
                                        .setParameter("limit", limit)
                                        .getResultList());
    }

    /** One page, newest first; only the given programs' emails when {@code programs} is present. */
    public Uni<List<EmailDelivery>> listPage(
            java.util.Optional<java.util.Set<String>> programs, int page, int size) {
        Sort order = Sort.descending("createdAt");
        return programs.map(slugs -> find("programSlug in ?1", order, slugs))
                .orElseGet(() -> findAll(order))
                .page(Page.of(page, size))
                .list();
    }
}
