-- The CVE ID triage assigned to the case (case.cve.assigned): the advisory drafted from it starts with it.
ALTER TABLE tracked_report ADD COLUMN cve_id text;
