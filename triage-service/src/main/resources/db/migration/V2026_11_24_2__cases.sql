CREATE TABLE vulnerability_case (
    id                  uuid PRIMARY KEY,
    -- One case per report, whatever the broker redelivers.
    report_id           uuid NOT NULL UNIQUE,
    tracking_id         text NOT NULL,
    program_slug        text NOT NULL,
    -- sealed_* columns hold AES-256-GCM ciphertext (service-kit FieldCipher), never plaintext.
    sealed_title        text NOT NULL,
    sealed_description  text NOT NULL,
    credit_name         text,
    state               text NOT NULL,
    submitted_at        timestamptz NOT NULL,
    opened_at           timestamptz NOT NULL,
    acknowledged_at     timestamptz
);
CREATE INDEX vulnerability_case_opened ON vulnerability_case (opened_at DESC);
