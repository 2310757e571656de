package dev.embargo.advisory.service;

import dev.embargo.advisory.domain.AdvisoryAudit;
import dev.embargo.advisory.repository.AdvisoryAuditRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Records who did what to an advisory, in the transaction of the change itself. */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final AdvisoryAuditRepository audit;
    private final SealedJson sealed;

    AuditTrail(AdvisoryAuditRepository audit, SealedJson sealed) {
        this.audit = audit;
        this.sealed = sealed;
    }

    /** Adds an entry; {@code detail} (staff's words) is sealed, and never logged. */
    public Uni<Void> record(
            UUID advisoryId, String action, String actor, String detail, Instant at) {
        AdvisoryAudit entry = new AdvisoryAudit();
        entry.advisoryId = advisoryId;
        entry.action = action;
        entry.actor = actor;
        entry.sealedDetail = detail == null ? null : sealed.sealText(detail);
        entry.at = at.atOffset(ZoneOffset.UTC);
        LOG.infof("Advisory %s: %s by %s", advisoryId, action, actor);
        return audit.persist(entry).replaceWithVoid();
    }
}
