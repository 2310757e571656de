-- Why a report looks like spam (SpamSignals), comma-separated; null when nothing does. Staff see it, staff decide.
ALTER TABLE vulnerability_case ADD COLUMN spam_signals text;
