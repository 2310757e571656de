package dev.embargo.triage.service;

import dev.embargo.kit.work.RepeatingPass;
import dev.embargo.kit.work.Transactions;
import dev.embargo.triage.config.TriageConfig;
import dev.embargo.triage.domain.Integration;
import dev.embargo.triage.repository.IntegrationRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revoked integrations' clients and when each was revoked, in memory so that every request can
 * be checked without a query. A revocation on this replica applies at once; other replicas reread
 * the table every {@code revocation-refresh}.
 */
@ApplicationScoped
public class RevokedIntegrations {

    private final Map<String, Instant> revokedAt = new ConcurrentHashMap<>();
    private final IntegrationRepository integrations;
    private final TriageConfig config;
    private final RepeatingPass refresh = new RepeatingPass("Revoked integrations", this::reload);

    RevokedIntegrations(IntegrationRepository integrations, TriageConfig config) {
        this.integrations = integrations;
        this.config = config;
    }

    void start(@Observes StartupEvent startup, Vertx vertx) {
        refresh.start(vertx, config.integrations().revocationRefresh());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        refresh.stop();
    }

    /**
     * Whether a token issued to the client at that time was revoked. A client name reused by a
     * later integration keeps working for tokens issued after the revocation.
     */
    public boolean refuses(String clientId, Instant issuedAt) {
        Instant revoked = revokedAt.get(clientId);
        return revoked != null && !issuedAt.isAfter(revoked);
    }

    void add(String clientId, Instant at) {
        revokedAt.merge(clientId, at, (known, added) -> known.isAfter(added) ? known : added);
    }

    private Uni<Void> reload() {
        return Transactions.inSession(integrations::revoked)
                .invoke(
                        rows -> {
                            for (Integration row : rows) {
                                add(row.clientId, row.revokedAt.toInstant());
                            }
                        })
                .replaceWithVoid();
    }
}
