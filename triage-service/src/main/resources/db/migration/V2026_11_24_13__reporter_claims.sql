-- What the reporter claimed when reporting (report.submitted.v2), beside what staff decide.
ALTER TABLE vulnerability_case ADD COLUMN reported_scope_class text;
ALTER TABLE vulnerability_case ADD COLUMN reported_cvss_vector text;
ALTER TABLE vulnerability_case ADD COLUMN credit_preference text;
