package dev.embargo.triage.rest;

import dev.embargo.triage.domain.Integration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the integrations API answers: an integration never shows its secret after its creation. */
public final class IntegrationViews {

    private IntegrationViews() {}

    public record Listed(
            UUID id,
            String name,
            String clientId,
            List<String> roles,
            List<String> programs,
            String createdBy,
            OffsetDateTime createdAt,
            OffsetDateTime secretRotatedAt,
            OffsetDateTime revokedAt) {

        static Listed of(Integration integration) {
            return new Listed(
                    integration.id,
                    integration.name,
                    integration.clientId,
                    integration.roleList(),
                    integration.programList(),
                    integration.createdBy,
                    integration.createdAt,
                    integration.secretRotatedAt,
                    integration.revokedAt);
        }
    }

    /** The client's credentials for the client-credentials grant, shown once. */
    public record Credentials(
            UUID id,
            String name,
            String clientId,
            String clientSecret,
            List<String> roles,
            List<String> programs) {

        static Credentials of(Integration integration, String secret) {
            return new Credentials(
                    integration.id,
                    integration.name,
                    integration.clientId,
                    secret,
                    integration.roleList(),
                    integration.programList());
        }
    }
}
