-- CVE records waiting for, or done with, submission to CVE Services: one row per published version
-- of an advisory with a CVE id, and one per rejected CVE id. The record is sealed like other content:
-- a REJECTED record's reason is staff's words.
CREATE TABLE cve_submission (
    id              uuid PRIMARY KEY,
    cve_id          text NOT NULL,
    program_slug    text NOT NULL,
    advisory_id     uuid,
    report_id       uuid,
    record_state    text NOT NULL CHECK (record_state IN ('PUBLISHED', 'REJECTED')),
    sealed_record   text NOT NULL,
    status          text NOT NULL CHECK (status IN ('PENDING', 'SUBMITTED', 'DRY_RUN', 'NOT_CONFIGURED', 'REFUSED')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    submitted_at    timestamptz
);

CREATE INDEX cve_submission_due ON cve_submission (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX cve_submission_cve_id ON cve_submission (cve_id);
