-- The CVE ID triage assigned to the report's case: the reporter is told it (CVE CNA rules 4.3.3).
ALTER TABLE report ADD COLUMN cve_id text;
