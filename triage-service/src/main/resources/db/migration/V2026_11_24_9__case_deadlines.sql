-- The scheduler's view of a case's promises: one row per promised step with a due time.
-- Warned, breached and settled (done, or no longer owed) are each noted once, so a warning or a
-- breach is announced once per due time; a new due time (an extension, a new severity) starts over.
-- The status update row repeats: due_at moves on by update_every after each update.
CREATE TABLE case_deadline (
    id            uuid PRIMARY KEY,
    case_id       uuid NOT NULL REFERENCES vulnerability_case (id),
    step          text NOT NULL,
    due_at        timestamptz NOT NULL,
    warn_at       timestamptz NOT NULL,
    warned_at     timestamptz,
    breached_at   timestamptz,
    settled_at    timestamptz,
    update_every  text,
    updates_sent  integer NOT NULL DEFAULT 0,
    UNIQUE (case_id, step)
);
-- What the scheduler scans: promises still open, by the earliest time something happens to them.
CREATE INDEX case_deadline_open ON case_deadline (warn_at) WHERE settled_at IS NULL;
