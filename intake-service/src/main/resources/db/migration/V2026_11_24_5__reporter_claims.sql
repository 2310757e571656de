-- What the reporter claims, for staff to judge: the program's scope class, a CVSS vector, and how
-- they want to be credited (name, handle or anonymous).
ALTER TABLE report ADD COLUMN reported_scope_class text;
ALTER TABLE report ADD COLUMN reported_cvss_vector text;
ALTER TABLE report ADD COLUMN credit_preference text;
