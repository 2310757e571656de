package dev.embargo.advisory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.advisory.domain.PreAdvisory;
import dev.embargo.advisory.repository.PreAdvisoryRepository;
import dev.embargo.contracts.advisory.PreAdvisoryLiftMoved;
import dev.embargo.contracts.advisory.PreAdvisoryReleased;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.outbox.Outbox;
import dev.embargo.kit.work.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Releases pre-advisories: the document is sealed in the database and in {@code
 * preadvisory.released}, written in one transaction, for notify to deliver by webhook (notify marks
 * each partner's copy with its own watermark).
 */
@ApplicationScoped
public class PreAdvisories {

    private final PreAdvisoryRepository preAdvisories;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final ObjectMapper json;

    PreAdvisories(
            PreAdvisoryRepository preAdvisories,
            Outbox outbox,
            FieldCipher cipher,
            ObjectMapper json) {
        this.preAdvisories = preAdvisories;
        this.outbox = outbox;
        this.cipher = cipher;
        this.json = json;
    }

    /**
     * Releases a free-standing pre-advisory (one not drafted as an advisory), in its own
     * transaction.
     */
    public Uni<PreAdvisory> release(
            String program,
            String title,
            String summary,
            Instant embargoUntil,
            List<String> partnerGroups,
            List<String> trackingIds,
            String releasedBy) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", title);
        document.put("summary", summary);
        document.put("trackingIds", trackingIds == null ? List.of() : trackingIds);
        return Transactions.inTransaction(
                () -> stage(null, program, document, embargoUntil, partnerGroups, releasedBy));
    }

    /**
     * Keeps the pre-advisory and stages {@code preadvisory.released}, in the caller's transaction.
     *
     * @param advisoryId the advisory it announces; null for a free-standing one
     * @param document what partners are told (the id, program, TLP and lift time are added here)
     */
    Uni<PreAdvisory> stage(
            UUID advisoryId,
            String program,
            Map<String, Object> document,
            Instant embargoUntil,
            List<String> partnerGroups,
            String releasedBy) {
        PreAdvisory released = new PreAdvisory();
        released.id = TimeOrderedIds.next();
        released.advisoryId = advisoryId;
        released.programSlug = program;
        released.partnerGroups = String.join(",", partnerGroups);
        released.embargoUntil =
                embargoUntil.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        released.releasedBy = releasedBy;
        released.releasedAt = Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        Map<String, Object> told = new LinkedHashMap<>();
        told.put("id", released.id.toString());
        told.put("program", program);
        // Partners may act on it but not publish it: TLP:AMBER until the embargo lifts.
        told.put("tlp", "AMBER");
        told.putAll(document);
        told.put("embargoUntil", released.embargoUntil.toInstant().toString());
        released.sealedDocument = cipher.seal(write(told));
        return preAdvisories
                .persist(released)
                .chain(
                        () ->
                                outbox.stage(
                                        new PreAdvisoryReleased(
                                                released.id.toString(),
                                                program,
                                                partnerGroups,
                                                released.embargoUntil.toInstant(),
                                                released.sealedDocument,
                                                releasedBy,
                                                released.releasedAt.toInstant())))
                .replaceWith(released);
    }

    /**
     * Moves the lift of pre-advisories partners already hold and stages {@code
     * preadvisory.lift.moved} for each whose lift changes, so notify tells their partners; in the
     * caller's transaction. The number of pre-advisories moved.
     */
    Uni<Integer> moveLift(List<PreAdvisory> told, Instant liftAt, String movedBy, Instant now) {
        List<PreAdvisoryLiftMoved> moved =
                told.stream()
                        .filter(preAdvisory -> !preAdvisory.embargoUntil.toInstant().equals(liftAt))
                        .map(
                                preAdvisory -> {
                                    Instant previous = preAdvisory.embargoUntil.toInstant();
                                    preAdvisory.embargoUntil = liftAt.atOffset(ZoneOffset.UTC);
                                    return new PreAdvisoryLiftMoved(
                                            preAdvisory.id.toString(),
                                            preAdvisory.programSlug,
                                            List.of(preAdvisory.partnerGroups.split(",")),
                                            liftAt,
                                            previous,
                                            movedBy,
                                            now);
                                })
                        .toList();
        return outbox.stageAll(moved).replaceWith(moved.size());
    }

    /** The pre-advisories of an advisory, oldest first. */
    Uni<List<PreAdvisory>> of(UUID advisoryId) {
        return preAdvisories.list("advisoryId = ?1 order by releasedAt", advisoryId);
    }

    public Uni<List<PreAdvisory>> list(Optional<Set<String>> programs, int page, int size) {
        return Transactions.inSession(() -> preAdvisories.listPage(programs, page, size));
    }

    private String write(Map<String, Object> document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Documents always serialize", e);
        }
    }
}
