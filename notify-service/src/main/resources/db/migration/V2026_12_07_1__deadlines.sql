-- One name per concept: the deadlines an email lists are "deadlines" in code, events and templates alike.
ALTER TABLE email_delivery RENAME COLUMN promised_dates TO deadlines;
