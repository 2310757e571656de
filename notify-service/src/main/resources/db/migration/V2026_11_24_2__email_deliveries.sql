-- Who to tell about a report, learned from report.submitted; the address is sealed.
CREATE TABLE reporter_contact (
    report_id       uuid PRIMARY KEY,
    tracking_id     text NOT NULL,
    program_slug    text NOT NULL,
    sealed_email    text,
    recorded_at     timestamptz NOT NULL
);

-- One row per email the platform owes someone. UNIQUE (report_id, kind): a report is never
-- acknowledged twice, whatever the broker redelivers.
CREATE TABLE email_delivery (
    id               uuid PRIMARY KEY,
    report_id        uuid NOT NULL,
    kind             text NOT NULL,
    tracking_id      text NOT NULL,
    program_slug     text NOT NULL,
    sealed_recipient text NOT NULL,
    status           text NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    UNIQUE (report_id, kind)
);
CREATE INDEX email_delivery_due ON email_delivery (next_attempt_at) WHERE status = 'PENDING';
