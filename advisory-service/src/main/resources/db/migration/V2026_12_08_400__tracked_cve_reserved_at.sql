-- When the program's CNA reserved the case's CVE ID (case.cve.assigned.v2): the record's dateReserved.
ALTER TABLE tracked_report ADD COLUMN cve_reserved_at timestamptz;
