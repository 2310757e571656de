-- One line per thing that happened to a case, never updated or deleted.
CREATE TABLE case_audit (
    id           uuid PRIMARY KEY,
    case_id      uuid NOT NULL REFERENCES vulnerability_case (id),
    at           timestamptz NOT NULL,
    actor        text NOT NULL,
    action       text NOT NULL,
    -- Free text from staff may describe the vulnerability: sealed like the report.
    sealed_detail text
);
CREATE INDEX case_audit_case ON case_audit (case_id, at);
