-- The program's name signs the emails sent on its behalf ("<name> security team").
ALTER TABLE program_contact ADD COLUMN program_name text;
