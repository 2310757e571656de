package dev.embargo.advisory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.embargo.advisory.domain.PreAdvisory;
import dev.embargo.advisory.repository.PreAdvisoryRepository;
import dev.embargo.contracts.advisory.PreAdvisoryReleased;
import dev.embargo.kit.crypto.FieldCipher;
import dev.embargo.kit.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
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
 * Releases pre-advisories: the document is sealed in the database and in
 * {@code preadvisory.released}, written in one transaction, for notify to deliver by webhook.
 */
@ApplicationScoped
public class PreAdvisories {

    private final PreAdvisoryRepository preAdvisories;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final ObjectMapper json;

    PreAdvisories(PreAdvisoryRepository preAdvisories, Outbox outbox, FieldCipher cipher, ObjectMapper json) {
        this.preAdvisories = preAdvisories;
        this.outbox = outbox;
        this.cipher = cipher;
        this.json = json;
    }

    public Uni<PreAdvisory> release(String program, String title, String summary, Instant embargoUntil,
            List<String> partnerGroups, List<String> trackingIds, String releasedBy) {
        PreAdvisory released = new PreAdvisory();
        released.id = UUID.randomUUID();
        released.programSlug = program;
        released.partnerGroups = String.join(",", partnerGroups);
        released.embargoUntil = embargoUntil.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        released.releasedBy = releasedBy;
        released.releasedAt = Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", released.id.toString());
        document.put("program", program);
        document.put("title", title);
        document.put("summary", summary);
        document.put("trackingIds", trackingIds == null ? List.of() : trackingIds);
        document.put("embargoUntil", released.embargoUntil.toInstant().toString());
        released.sealedDocument = cipher.seal(write(document));
        return Panache.withTransaction(() -> preAdvisories.persist(released)
                .chain(() -> outbox.stage(new PreAdvisoryReleased(released.id.toString(), program, partnerGroups,
                        released.embargoUntil.toInstant(), released.sealedDocument, releasedBy, released.releasedAt.toInstant())))
                .replaceWith(released));
    }

    public Uni<List<PreAdvisory>> list(Optional<Set<String>> programs, int page, int size) {
        return Panache.withSession(() -> preAdvisories.listPage(programs, page, size));
    }

    private String write(Map<String, Object> document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Documents always serialize", e);
        }
    }
}
