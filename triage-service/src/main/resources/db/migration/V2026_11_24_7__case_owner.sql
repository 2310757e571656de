-- The staff member who owns the case (seed 002: "assign mitigation owner"); null until assigned.
ALTER TABLE vulnerability_case ADD COLUMN owner text;
CREATE INDEX vulnerability_case_filters ON vulnerability_case (program_slug, state, severity, owner);
