package dev.embargo.triage.service;

import dev.embargo.kit.id.TimeOrderedIds;
import dev.embargo.kit.problem.Problem;
import dev.embargo.kit.problem.ProblemException;
import dev.embargo.kit.security.IntegrationActors;
import dev.embargo.kit.work.SessionContexts;
import dev.embargo.kit.work.Transactions;
import dev.embargo.triage.domain.Integration;
import dev.embargo.triage.repository.IntegrationRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Creates, lists, rotates and revokes integrations. Times here are real times, not triage's
 * adjustable clock: a revocation is compared with the issue time Keycloak wrote into tokens.
 */
@ApplicationScoped
public class Integrations {

    private static final Logger LOG = Logger.getLogger(Integrations.class);

    private final IntegrationRepository integrations;
    private final IntegrationClients clients;
    private final ProgramRegistry programs;
    private final RevokedIntegrations revoked;

    Integrations(
            IntegrationRepository integrations,
            IntegrationClients clients,
            ProgramRegistry programs,
            RevokedIntegrations revoked) {
        this.integrations = integrations;
        this.clients = clients;
        this.programs = programs;
        this.revoked = revoked;
    }

    /** A new integration and its secret, which is shown this once. */
    public record Created(Integration integration, String secret) {}

    public Uni<Created> create(
            String name, List<String> roles, List<String> programSlugs, String admin) {
        List<String> sortedRoles = roles.stream().distinct().sorted().toList();
        List<String> sortedPrograms = programSlugs.stream().distinct().sorted().toList();
        return Transactions.inSession(() -> checkFree(name, sortedPrograms))
                .chain(
                        () ->
                                blocking(
                                        () ->
                                                clients.create(
                                                        IntegrationActors.CLIENT_PREFIX + name,
                                                        name,
                                                        sortedRoles,
                                                        sortedPrograms)))
                .chain(
                        client ->
                                Transactions.inTransaction(
                                                () ->
                                                        integrations.persist(
                                                                integration(
                                                                        name,
                                                                        sortedRoles,
                                                                        sortedPrograms,
                                                                        client.keycloakId(),
                                                                        admin)))
                                        .map(saved -> new Created(saved, client.secret())))
                .invoke(
                        created ->
                                LOG.infof(
                                        "%s created integration %s with roles %s for programs %s",
                                        admin, name, sortedRoles, sortedPrograms));
    }

    public Uni<List<Integration>> list() {
        return Transactions.inSession(integrations::all);
    }

    /** A new secret for an integration that is not revoked; the old one stops working. */
    public Uni<Created> rotateSecret(UUID id, String admin) {
        return Transactions.inSession(() -> activeIntegration(id))
                .chain(
                        integration ->
                                blocking(() -> clients.rotateSecret(integration.keycloakId))
                                        .chain(
                                                secret ->
                                                        Transactions.inTransaction(
                                                                        () -> rotated(id))
                                                                .map(
                                                                        saved ->
                                                                                new Created(
                                                                                        saved,
                                                                                        secret))))
                .invoke(
                        rotated ->
                                LOG.infof(
                                        "%s rotated the secret of integration %s",
                                        admin, rotated.integration().name));
    }

    /**
     * Deletes the integration's client and refuses its tokens issued until now, at once on this
     * replica and within {@code revocation-refresh} on the others.
     */
    public Uni<Void> revoke(UUID id, String admin) {
        return Transactions.inSession(() -> activeIntegration(id))
                .chain(
                        integration ->
                                blocking(
                                        () -> {
                                            clients.delete(integration.keycloakId);
                                            return integration;
                                        }))
                .chain(
                        integration ->
                                Transactions.inTransaction(
                                        () ->
                                                integrations
                                                        .findById(id)
                                                        .invoke(
                                                                row -> {
                                                                    row.revokedAt = now();
                                                                    row.revokedBy = admin;
                                                                })))
                .invoke(
                        row -> {
                            revoked.add(row.clientId, row.revokedAt.toInstant());
                            LOG.infof("%s revoked integration %s", admin, row.name);
                        })
                .replaceWithVoid();
    }

    private Uni<Void> checkFree(String name, List<String> programSlugs) {
        return programs.inForce()
                .chain(
                        inForce -> {
                            List<String> known =
                                    inForce.stream().map(revision -> revision.slug).toList();
                            List<String> unknown =
                                    programSlugs.stream()
                                            .filter(slug -> !known.contains(slug))
                                            .toList();
                            if (!unknown.isEmpty()) {
                                throw new ProblemException(
                                        Problem.of(
                                                Response.Status.BAD_REQUEST,
                                                "No such program: " + String.join(", ", unknown)));
                            }
                            return integrations.active(name);
                        })
                .invoke(
                        existing -> {
                            if (existing != null) {
                                throw new ProblemException(
                                        Problem.of(
                                                Response.Status.CONFLICT,
                                                "An integration named " + name + " exists"));
                            }
                        })
                .replaceWithVoid();
    }

    private Uni<Integration> activeIntegration(UUID id) {
        return integrations
                .findById(id)
                .invoke(
                        integration -> {
                            if (integration == null || integration.revokedAt != null) {
                                throw new ProblemException(
                                        Problem.of(
                                                Response.Status.NOT_FOUND,
                                                "No such integration, or it is revoked"));
                            }
                        });
    }

    private Uni<Integration> rotated(UUID id) {
        return integrations.findById(id).invoke(row -> row.secretRotatedAt = now());
    }

    private static Integration integration(
            String name,
            List<String> roles,
            List<String> programs,
            String keycloakId,
            String admin) {
        Integration integration = new Integration();
        integration.id = TimeOrderedIds.next();
        integration.name = name;
        integration.clientId = IntegrationActors.CLIENT_PREFIX + name;
        integration.keycloakId = keycloakId;
        integration.roles = Integration.joined(roles);
        integration.programs = Integration.joined(programs);
        integration.createdBy = admin;
        integration.createdAt = now();
        return integration;
    }

    /**
     * Keycloak's admin client blocks: it runs on a worker, and the session resumes on its context.
     */
    private static <T> Uni<T> blocking(Supplier<T> call) {
        return Uni.createFrom()
                .item(call)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(SessionContexts.current());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
