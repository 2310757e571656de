-- The reporter's escalations of late promised steps. The message is sealed like the reporter's
-- messages; one escalation per step per period is checked against the latest of the step.
CREATE TABLE escalation (
    id              uuid PRIMARY KEY,
    report_id       uuid NOT NULL REFERENCES report (id),
    step            text NOT NULL,
    sealed_message  text NOT NULL,
    received_at     timestamptz NOT NULL
);
CREATE INDEX escalation_by_report ON escalation (report_id, step, received_at);
