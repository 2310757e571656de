-- The promised steps triage said were missed (deadline.breached): triage judges them by its own
-- clock, which knows paused and firm promises, so the reporter's page shows them late at once.
CREATE TABLE missed_step (
    id          uuid PRIMARY KEY,
    report_id   uuid NOT NULL REFERENCES report (id),
    step        text NOT NULL,
    due_at      timestamptz NOT NULL,
    noticed_at  timestamptz NOT NULL
);
CREATE INDEX missed_step_by_report ON missed_step (report_id);
