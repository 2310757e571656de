-- SSVC beside CVSS (issue 28): the case's latest SSVC decision as JSON (its decision points, the
-- CISA Coordinator outcome, the optional coordinator triage, who and when); the audit chain keeps
-- every earlier one.
ALTER TABLE vulnerability_case ADD COLUMN ssvc text;
