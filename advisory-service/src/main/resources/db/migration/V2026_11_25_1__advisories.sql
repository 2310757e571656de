-- Advisories and their kept revisions. Until publication everything describing the vulnerability
-- is sealed; the public tables below only ever receive what was published.

-- The programs in force, from program.policy.published (partner groups, maximum embargo, post-mortem rule).
CREATE TABLE program_view (
    slug        text PRIMARY KEY,
    revision    int NOT NULL,
    name        text NOT NULL,
    document    text NOT NULL
);

-- What drafting an advisory from a case needs: the report's title (sealed, as it came), the
-- reporter's claims and credit choice, and triage's scoring and state.
ALTER TABLE tracked_report ADD COLUMN sealed_title text;
ALTER TABLE tracked_report ADD COLUMN affected_version text;
ALTER TABLE tracked_report ADD COLUMN credit_preference text;
ALTER TABLE tracked_report ADD COLUMN severity text;
ALTER TABLE tracked_report ADD COLUMN cvss_vector text;
ALTER TABLE tracked_report ADD COLUMN cvss_score double precision;
ALTER TABLE tracked_report ADD COLUMN case_state text;

CREATE SEQUENCE advisory_number;

CREATE TABLE advisory (
    id                  uuid PRIMARY KEY,
    public_id           text NOT NULL UNIQUE,
    program_slug        text NOT NULL,
    report_id           uuid,
    tracking_id         text,
    state               text NOT NULL,
    current_revision    int NOT NULL,
    lift_at             timestamptz,
    published_at        timestamptz,
    published_revision  int,
    early_break         boolean NOT NULL DEFAULT false,
    sealed_post_mortem  text,
    created_by          text NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX advisory_due ON advisory (lift_at) WHERE state = 'SCHEDULED';
CREATE INDEX advisory_by_program ON advisory (program_slug, created_at DESC);

CREATE TABLE advisory_revision (
    id               uuid PRIMARY KEY,
    advisory_id      uuid NOT NULL REFERENCES advisory (id),
    number           int NOT NULL,
    sealed_content   text NOT NULL,
    change_summary   text NOT NULL,
    edited_by        text NOT NULL,
    edited_at        timestamptz NOT NULL,
    -- When this revision became public; null for revisions made under embargo.
    published_at     timestamptz,
    UNIQUE (advisory_id, number)
);

-- Who did what to an advisory: scheduling, early breaks, pre-advisories, publication.
CREATE TABLE advisory_audit (
    id            bigserial PRIMARY KEY,
    advisory_id   uuid NOT NULL REFERENCES advisory (id),
    action        text NOT NULL,
    actor         text NOT NULL,
    sealed_detail text,
    at            timestamptz NOT NULL
);
CREATE INDEX advisory_audit_by_advisory ON advisory_audit (advisory_id, id);

-- What the world can read: one row per published advisory and format, replaced by each published
-- revision. Bytes are kept so that hashes, signatures and ETags never change under a reader.
CREATE TABLE published_document (
    id            uuid PRIMARY KEY,
    advisory_id   uuid NOT NULL REFERENCES advisory (id),
    format        text NOT NULL,
    program_slug  text NOT NULL,
    content       text NOT NULL,
    sha256        text NOT NULL,
    sha512        text NOT NULL,
    signature     text,
    revision      int NOT NULL,
    published_at  timestamptz NOT NULL,
    UNIQUE (advisory_id, format)
);
CREATE INDEX published_document_by_format ON published_document (format, program_slug, published_at DESC);

-- The CSAF provider's OpenPGP signing key, generated once when none is configured.
CREATE TABLE signing_key (
    id                 int PRIMARY KEY CHECK (id = 1),
    fingerprint        text NOT NULL,
    armored_public_key text NOT NULL,
    sealed_secret_key  text NOT NULL,
    created_at         timestamptz NOT NULL
);

ALTER TABLE pre_advisory ADD COLUMN advisory_id uuid REFERENCES advisory (id);
