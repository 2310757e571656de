-- Program files v2 (issue 26). A case may be put on one of its policy's tracks; the events that
-- anchored promises run from (triage decided, fix released, public disclosure) are recorded as they
-- happen (public disclosure is V2026_12_07_90's publicly_disclosed_at, and a target deadline its
-- case_deadline.firm).
ALTER TABLE vulnerability_case ADD COLUMN track text;
ALTER TABLE vulnerability_case ADD COLUMN triaged_at timestamptz;
ALTER TABLE vulnerability_case ADD COLUMN fix_released_at timestamptz;
