-- The reporter's escalations of late promised steps, by intake's escalation id so a redelivered
-- report.escalated.v1 records nothing twice. The message stays sealed as it came.
CREATE TABLE case_escalation (
    id              uuid PRIMARY KEY,
    case_id         uuid NOT NULL REFERENCES vulnerability_case (id),
    step            text NOT NULL,
    due_at          timestamptz,
    sealed_message  text NOT NULL,
    received_at     timestamptz NOT NULL
);
CREATE INDEX case_escalation_by_case ON case_escalation (case_id, received_at);
