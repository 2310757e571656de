-- The reporter's credit name and affected version arrive sealed (report.submitted.v3) and are kept sealed
-- until publication, which opens the credit for the advisory's documents. Reports tracked before keep
-- their plain values: SQL cannot seal, the keys live in the application; they are read as plain text,
-- since only a sealed value starts with "enc:v1:".
ALTER TABLE tracked_report RENAME COLUMN credit_name TO sealed_credit_name;
ALTER TABLE tracked_report RENAME COLUMN affected_version TO sealed_affected_version;
