-- A partner's capability link to one advisory's pre-advisory, and its answers. The token itself is
-- shown only in the partner's copies; only its SHA-256 is kept, so a database dump opens no link.
CREATE TABLE partner_link (
    id               uuid PRIMARY KEY,
    partner_id       uuid NOT NULL REFERENCES partner (id),
    advisory_id      text NOT NULL,
    -- The advisory's public id (EMB-...), as the pre-advisory names it.
    advisory_ref     text,
    program_slug     text NOT NULL,
    token_hash       bytea NOT NULL UNIQUE,
    embargo_until    timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    received_at      timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    readiness        text,
    readiness_reason text,
    answered_at      timestamptz,
    UNIQUE (partner_id, advisory_id)
);
CREATE INDEX partner_link_by_advisory ON partner_link (advisory_id);

-- What a partner states about one of its products: the latest statement per product counts.
CREATE TABLE partner_statement (
    id            uuid PRIMARY KEY,
    link_id       uuid NOT NULL REFERENCES partner_link (id),
    product       text NOT NULL,
    status        text NOT NULL,
    justification text,
    fixed_version text,
    stated_at     timestamptz NOT NULL,
    UNIQUE (link_id, product)
);

-- The lift of each advisory partners were told of, and whether its coordinators were warned that
-- partners are not ready (once per lift time).
CREATE TABLE advisory_lift (
    advisory_id   text PRIMARY KEY,
    advisory_ref  text,
    program_slug  text NOT NULL,
    embargo_until timestamptz NOT NULL,
    warned_at     timestamptz
);
CREATE INDEX advisory_lift_unwarned ON advisory_lift (embargo_until) WHERE warned_at IS NULL;
