-- The conversation the reporter sees on the status page; for now what the security team wrote
-- (case.message.posted). The text is sealed like the report itself.
CREATE TABLE report_message (
    id           uuid PRIMARY KEY,
    report_id    uuid NOT NULL REFERENCES report (id),
    author       text NOT NULL,
    sealed_body  text NOT NULL,
    posted_at    timestamptz NOT NULL
);
CREATE INDEX report_message_by_report ON report_message (report_id, posted_at);
