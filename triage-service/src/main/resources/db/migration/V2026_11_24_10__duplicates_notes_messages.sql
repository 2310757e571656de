-- A duplicate points at the case it duplicates (always the first report of the vulnerability).
ALTER TABLE vulnerability_case ADD COLUMN duplicate_of uuid REFERENCES vulnerability_case (id);
CREATE INDEX vulnerability_case_duplicates ON vulnerability_case (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- Keyed trigram hashes of title and description (TextFingerprint): similar reports overlap, and
-- the sealed text stays unreadable. GIN finds the cases sharing any trigram with a given one.
ALTER TABLE vulnerability_case ADD COLUMN text_fingerprint bigint[];
CREATE INDEX vulnerability_case_fingerprint ON vulnerability_case USING gin (text_fingerprint);

-- Staff's notes to each other: never shown to the reporter, never on Kafka.
CREATE TABLE case_note (
    id           uuid PRIMARY KEY,
    case_id      uuid NOT NULL REFERENCES vulnerability_case (id),
    author       text NOT NULL,
    sealed_text  text NOT NULL,
    written_at   timestamptz NOT NULL
);
CREATE INDEX case_note_by_case ON case_note (case_id, written_at);

-- What the team wrote to the reporter (case.message.posted carries it to intake and notify).
CREATE TABLE case_message (
    id           uuid PRIMARY KEY,
    case_id      uuid NOT NULL REFERENCES vulnerability_case (id),
    author       text NOT NULL,
    sealed_body  text NOT NULL,
    posted_at    timestamptz NOT NULL
);
CREATE INDEX case_message_by_case ON case_message (case_id, posted_at);
