-- Partners: downstream vendors, distributions, operators, told under embargo.
CREATE TABLE partner (
    id             uuid PRIMARY KEY,
    name           text NOT NULL,
    -- Sealed: a person's address.
    sealed_contact text NOT NULL,
    -- Comma-separated ids: the partner groups it belongs to and the programs it follows.
    groups         text NOT NULL,
    programs       text NOT NULL,
    created_at     timestamptz NOT NULL
);

-- Where a partner receives webhooks. Signing secrets must be usable to sign, so they cannot be
-- hashed: they are sealed (AES-256-GCM). During a rotation the previous secret signs too, until
-- previous_valid_until.
CREATE TABLE webhook_endpoint (
    id                     uuid PRIMARY KEY,
    partner_id             uuid NOT NULL REFERENCES partner (id),
    url                    text NOT NULL,
    enabled                boolean NOT NULL,
    sealed_secret          text NOT NULL,
    sealed_previous_secret text,
    previous_valid_until   timestamptz,
    disabled_reason        text,
    created_at             timestamptz NOT NULL
);
CREATE INDEX webhook_endpoint_by_partner ON webhook_endpoint (partner_id);

-- One message to one endpoint. Its webhook-id and body never change, whatever the retries; a
-- delivery being sent is leased (lease_until), so a crash mid-send lets another pass retry it.
CREATE TABLE webhook_delivery (
    id               uuid PRIMARY KEY,
    endpoint_id      uuid NOT NULL REFERENCES webhook_endpoint (id),
    partner_id       uuid NOT NULL REFERENCES partner (id),
    source_event_id  text NOT NULL,
    event_type       text NOT NULL,
    sealed_payload   text NOT NULL,
    status           text NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    lease_until      timestamptz,
    last_status      integer,
    last_error       text,
    last_latency_ms  integer,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    UNIQUE (endpoint_id, source_event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_by_partner ON webhook_delivery (partner_id, created_at DESC);

-- Emails that concern no report (a partner's endpoint was disabled).
ALTER TABLE email_delivery ALTER COLUMN report_id DROP NOT NULL;
ALTER TABLE email_delivery ALTER COLUMN tracking_id DROP NOT NULL;
ALTER TABLE email_delivery ALTER COLUMN program_slug DROP NOT NULL;
