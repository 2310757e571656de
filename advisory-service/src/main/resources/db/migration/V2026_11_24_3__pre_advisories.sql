-- Pre-advisories released to partner groups under embargo. The document is sealed: it describes
-- an unfixed vulnerability until the embargo lifts.
CREATE TABLE pre_advisory (
    id               uuid PRIMARY KEY,
    program_slug     text NOT NULL,
    partner_groups   text NOT NULL,
    embargo_until    timestamptz NOT NULL,
    sealed_document  text NOT NULL,
    released_by      text NOT NULL,
    released_at      timestamptz NOT NULL
);
CREATE INDEX pre_advisory_by_program ON pre_advisory (program_slug, released_at DESC);
