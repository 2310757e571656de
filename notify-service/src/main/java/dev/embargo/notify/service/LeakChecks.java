package dev.embargo.notify.service;

import dev.embargo.kit.work.Transactions;
import dev.embargo.notify.domain.EmailDelivery;
import dev.embargo.notify.domain.Partner;
import dev.embargo.notify.domain.Watermark;
import dev.embargo.notify.domain.WebhookDelivery;
import dev.embargo.notify.repository.EmailDeliveryRepository;
import dev.embargo.notify.repository.PartnerRepository;
import dev.embargo.notify.repository.WebhookDeliveryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Traces a leaked pre-advisory to the partner whose copy it is, by the watermarks it still carries.
 */
@ApplicationScoped
public class LeakChecks {

    private static final Logger LOG = Logger.getLogger(LeakChecks.class);

    private final WebhookDeliveryRepository deliveries;
    private final EmailDeliveryRepository emails;
    private final PartnerRepository partners;

    LeakChecks(
            WebhookDeliveryRepository deliveries,
            EmailDeliveryRepository emails,
            PartnerRepository partners) {
        this.deliveries = deliveries;
        this.emails = emails;
        this.partners = partners;
    }

    /**
     * The copies the text matches, by webhook or email, with their recipients; empty when it
     * carries no known watermark.
     */
    public Uni<List<Match>> check(String leakedText, String checkedBy) {
        Set<Watermark.Found> found = Watermark.findIn(leakedText);
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, String> carried =
                found.stream()
                        .collect(
                                Collectors.toMap(
                                        Watermark.Found::code,
                                        Watermark.Found::carriedAs,
                                        (first, second) -> first + ", " + second));
        return Transactions.inSession(
                () ->
                        deliveries
                                .list("watermark in ?1", carried.keySet())
                                .chain(
                                        webhookCopies ->
                                                emails.list("watermark in ?1", carried.keySet())
                                                        .chain(
                                                                emailCopies -> {
                                                                    Set<UUID> partnerIds =
                                                                            new HashSet<>();
                                                                    webhookCopies.forEach(
                                                                            copy ->
                                                                                    partnerIds.add(
                                                                                            copy.partnerId));
                                                                    emailCopies.forEach(
                                                                            copy ->
                                                                                    partnerIds.add(
                                                                                            copy.partnerId));
                                                                    return partners.list(
                                                                                    "id in ?1",
                                                                                    partnerIds)
                                                                            .map(
                                                                                    known -> {
                                                                                        Map<
                                                                                                        UUID,
                                                                                                        Partner>
                                                                                                byId =
                                                                                                        known
                                                                                                                .stream()
                                                                                                                .collect(
                                                                                                                        Collectors
                                                                                                                                .toMap(
                                                                                                                                        partner ->
                                                                                                                                                partner.id,
                                                                                                                                        Function
                                                                                                                                                .identity()));
                                                                                        List<Match>
                                                                                                matches =
                                                                                                        new ArrayList<>();
                                                                                        webhookCopies
                                                                                                .forEach(
                                                                                                        copy ->
                                                                                                                matches
                                                                                                                        .add(
                                                                                                                                match(
                                                                                                                                        copy,
                                                                                                                                        byId
                                                                                                                                                .get(
                                                                                                                                                        copy.partnerId),
                                                                                                                                        carried
                                                                                                                                                .get(
                                                                                                                                                        copy.watermark))));
                                                                                        emailCopies
                                                                                                .forEach(
                                                                                                        copy ->
                                                                                                                matches
                                                                                                                        .add(
                                                                                                                                match(
                                                                                                                                        copy,
                                                                                                                                        byId
                                                                                                                                                .get(
                                                                                                                                                        copy.partnerId),
                                                                                                                                        carried
                                                                                                                                                .get(
                                                                                                                                                        copy.watermark))));
                                                                                        LOG.infof(
                                                                                                "Leak check"
                                                                                                    + " by %s:"
                                                                                                    + " %d watermark(s)"
                                                                                                    + " found,"
                                                                                                    + " %d matching"
                                                                                                    + " copies",
                                                                                                checkedBy,
                                                                                                carried
                                                                                                        .size(),
                                                                                                matches
                                                                                                        .size());
                                                                                        return matches;
                                                                                    });
                                                                })));
    }

    private static Match match(WebhookDelivery copy, Partner partner, String carriedAs) {
        return new Match(
                copy.watermark,
                carriedAs,
                "webhook",
                copy.partnerId.toString(),
                partner == null ? null : partner.name,
                copy.endpointId.toString(),
                copy.id.toString(),
                copy.sourceEventId,
                copy.createdAt.toInstant());
    }

    private static Match match(EmailDelivery copy, Partner partner, String carriedAs) {
        return new Match(
                copy.watermark,
                carriedAs,
                "email",
                copy.partnerId.toString(),
                partner == null ? null : partner.name,
                null,
                copy.id.toString(),
                null,
                copy.createdAt.toInstant());
    }

    /**
     * A copy the leaked text came from.
     *
     * @param channel how the copy went: {@code webhook} or {@code email}
     * @param endpointId the webhook endpoint, for a webhook copy
     * @param sourceEventId the {@code preadvisory.released} event a webhook copy was made for
     */
    public record Match(
            String watermark,
            String carriedAs,
            String channel,
            String partnerId,
            String partnerName,
            String endpointId,
            String deliveryId,
            String sourceEventId,
            java.time.Instant sentAt) {}
}
