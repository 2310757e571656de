-- Integrations (issue 30): service accounts for scripts and tools, each a Keycloak client created by triage.
-- Revoked rows stay: their revocation time refuses tokens issued before it, and the list keeps its history.
CREATE TABLE integration (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    client_id text NOT NULL,
    keycloak_id text NOT NULL,
    roles text NOT NULL,
    programs text NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    secret_rotated_at timestamptz,
    revoked_by text,
    revoked_at timestamptz
);

CREATE UNIQUE INDEX integration_active_name ON integration (name) WHERE revoked_at IS NULL;
