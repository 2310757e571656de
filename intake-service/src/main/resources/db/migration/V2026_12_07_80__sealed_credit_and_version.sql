-- The reporter's credit name and affected version are sealed like the rest of the report from now on
-- (until an advisory publishes the credit). Rows written before keep their plain values: SQL cannot seal,
-- the keys live in the application. Intake never reads these columns back.
ALTER TABLE report RENAME COLUMN credit_name TO sealed_credit_name;
ALTER TABLE report RENAME COLUMN affected_version TO sealed_affected_version;
