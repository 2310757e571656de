-- The program's severity level for the case, and the CVSS vector and base score it came from (if any).
ALTER TABLE vulnerability_case ADD COLUMN severity text;
ALTER TABLE vulnerability_case ADD COLUMN cvss_vector text;
ALTER TABLE vulnerability_case ADD COLUMN cvss_score numeric(3, 1);
