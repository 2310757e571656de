-- Intake's copy of each program's revision in force, from the program-policies topic (triage owns programs).
CREATE TABLE program (
    slug          text PRIMARY KEY,
    revision      integer NOT NULL,
    document      text NOT NULL,
    published_at  timestamptz NOT NULL
);

-- The revision a report was received under: it is judged under that one.
ALTER TABLE report ADD COLUMN program_revision integer;
-- As the reporter wrote it; triage judges it against the supported versions table.
ALTER TABLE report ADD COLUMN affected_version text;
-- What the program's policy promises for this report, from report.acknowledged (JSON), shown to the reporter.
ALTER TABLE report ADD COLUMN promised_dates text;
