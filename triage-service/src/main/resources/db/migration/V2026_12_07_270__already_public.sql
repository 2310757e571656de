-- Program files v2 (issue 26 item 18): staff record that a case's issue was public when reported;
-- the policy's expedited track applies then when its expedited.when names already-public.
ALTER TABLE vulnerability_case ADD COLUMN already_public boolean NOT NULL DEFAULT false;
