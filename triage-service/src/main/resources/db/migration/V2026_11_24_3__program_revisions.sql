-- Every revision of every program, never updated: a case is judged under the revision in force when its report arrived.
CREATE TABLE program_revision (
    slug         text NOT NULL,
    revision     integer NOT NULL,
    -- The program in the program file format, as compact JSON (disclosure-policy ProgramFiles.toJson).
    document     text NOT NULL,
    -- Where it came from: a file name, or "api" with the staff member who changed it.
    source       text NOT NULL,
    changed_by   text,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (slug, revision)
);

ALTER TABLE vulnerability_case ADD COLUMN program_revision integer;
ALTER TABLE vulnerability_case ADD COLUMN affected_version text;
-- SUPPORTED, UNSUPPORTED (flagged: the program no longer fixes that version) or UNKNOWN.
ALTER TABLE vulnerability_case ADD COLUMN version_support text;
-- The policy's promises for this case as JSON: [{"step":"triage","dueAt":"...","promised":"10bd"}, ...]
ALTER TABLE vulnerability_case ADD COLUMN promised_dates text;
