-- The conversation both ways: messages the reporter wrote (report.message.posted) sit beside the team's.
ALTER TABLE case_message ADD COLUMN from_reporter boolean NOT NULL DEFAULT false;
