-- SSVC beside CVSS (issue 28): the case's latest SSVC decision as triage sent it (JSON), for the
-- CVE record's metrics and the CSAF document.
ALTER TABLE tracked_report ADD COLUMN ssvc text;
