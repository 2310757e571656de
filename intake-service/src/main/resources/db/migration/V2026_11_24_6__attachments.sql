-- Files a reporter sent with the report, a message or an email. Content and name are sealed
-- (service-kit FieldCipher.sealBytes / seal): a database dump shows neither.
CREATE TABLE attachment (
    id            uuid PRIMARY KEY,
    report_id     uuid NOT NULL REFERENCES report (id),
    -- The message it came with; null when it came with the report itself.
    message_id    uuid REFERENCES report_message (id),
    sealed_name   text NOT NULL,
    -- Judged by the content (AttachmentType), never by the name or the sender's claim.
    media_type    text NOT NULL,
    size_bytes    bigint NOT NULL,
    -- SHA-256 of the plaintext, so staff can tell the file they hold is the one that was sent.
    sha256        text NOT NULL,
    sealed_content bytea NOT NULL,
    added_at      timestamptz NOT NULL
);
CREATE INDEX attachment_by_report ON attachment (report_id, added_at);

-- Mail the email channel turned into a report or a message, by Message-ID: a message fetched
-- again (a crash before it was deleted from the mailbox) changes nothing.
CREATE TABLE received_mail (
    message_id   text PRIMARY KEY,
    report_id    uuid NOT NULL REFERENCES report (id),
    received_at  timestamptz NOT NULL
);
