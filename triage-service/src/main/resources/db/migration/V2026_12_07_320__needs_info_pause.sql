-- Issue 28: a case waiting for the reporter's answer (needs_info) pauses the team's triage and fix
-- clocks. The case keeps when the current pause began and how long it has been paused in all; the
-- scheduler leaves paused deadline rows alone; case_wait holds the reminder and the silence after
-- which the case closes as no response, and how long the reporter may still reopen it.
ALTER TABLE vulnerability_case ADD COLUMN paused_at timestamptz;
ALTER TABLE vulnerability_case ADD COLUMN paused_micros bigint NOT NULL DEFAULT 0;
ALTER TABLE case_deadline ADD COLUMN paused boolean NOT NULL DEFAULT false;

CREATE TABLE case_wait (
    case_id uuid PRIMARY KEY REFERENCES vulnerability_case (id),
    asked_at timestamptz NOT NULL,
    remind_at timestamptz NOT NULL,
    reminded_at timestamptz,
    close_at timestamptz NOT NULL,
    closed_at timestamptz,
    reopen_until timestamptz
);
CREATE INDEX case_wait_open ON case_wait (close_at) WHERE closed_at IS NULL;
