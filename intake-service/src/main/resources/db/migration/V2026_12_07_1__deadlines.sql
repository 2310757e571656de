-- One name per concept: the policy's deadlines for the report are "deadlines" in code, events and API alike.
ALTER TABLE report RENAME COLUMN promised_dates TO deadlines;
