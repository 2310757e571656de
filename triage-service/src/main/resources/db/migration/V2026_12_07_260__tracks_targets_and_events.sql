-- Program files v2 (issue 26). A case may be put on one of its policy's tracks; the events that
-- anchored promises run from (triage decided, fix released, public disclosure) are recorded as they
-- happen; a deadline may be a target ("we aim to"), which is warned about but never breached.
ALTER TABLE vulnerability_case ADD COLUMN track text;
ALTER TABLE vulnerability_case ADD COLUMN triaged_at timestamptz;
ALTER TABLE vulnerability_case ADD COLUMN fix_released_at timestamptz;
ALTER TABLE vulnerability_case ADD COLUMN disclosed_at timestamptz;
ALTER TABLE case_deadline ADD COLUMN firm boolean NOT NULL DEFAULT true;
