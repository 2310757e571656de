-- Whom the program's policy names for escalations (policy.escalation.contacts): told, besides the
-- team, when the reporter escalates a step. One address per line, like the team's.
ALTER TABLE program_contact ADD COLUMN escalation_emails text;
