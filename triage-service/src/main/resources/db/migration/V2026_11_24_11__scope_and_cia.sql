-- The scope decision: the program's class the report falls in (in or out of scope), and the
-- affected and fixed versions, each checked against the supported-versions table (as JSON).
ALTER TABLE vulnerability_case ADD COLUMN scope_class text;
ALTER TABLE vulnerability_case ADD COLUMN in_scope boolean;
ALTER TABLE vulnerability_case ADD COLUMN versions text;
-- What the vulnerability does to confidentiality, integrity and availability: high, low or none.
ALTER TABLE vulnerability_case ADD COLUMN cia_confidentiality text;
ALTER TABLE vulnerability_case ADD COLUMN cia_integrity text;
ALTER TABLE vulnerability_case ADD COLUMN cia_availability text;
