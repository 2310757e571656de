-- Tracking numbers are consecutive per installation; the year in the tracking id is the submission year.
CREATE SEQUENCE report_tracking_seq START 1;

CREATE TABLE report (
    id                     uuid PRIMARY KEY,
    tracking_id            text NOT NULL UNIQUE,
    program_slug           text NOT NULL,
    -- sealed_* columns hold AES-256-GCM ciphertext (service-kit FieldCipher), never plaintext.
    sealed_title           text NOT NULL,
    sealed_description     text NOT NULL,
    sealed_reporter_email  text,
    credit_name            text,
    -- SHA-256 of the reporter's capability token; the token itself is shown once and never stored.
    token_hash             bytea NOT NULL,
    status                 text NOT NULL,
    submitted_at           timestamptz NOT NULL,
    acknowledged_at        timestamptz,
    updated_at             timestamptz NOT NULL
);
CREATE INDEX report_program ON report (program_slug);
