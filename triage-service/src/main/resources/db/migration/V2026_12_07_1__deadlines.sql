-- One name per concept: the policy's deadlines for the case are "deadlines" in code, events and API alike.
ALTER TABLE vulnerability_case RENAME COLUMN promised_dates TO deadlines;
