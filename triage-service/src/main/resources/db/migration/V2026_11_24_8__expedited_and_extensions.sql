-- The expedited track (actively exploited, trivially exploitable) and the extensions agreed with
-- the reporter, as JSON [{"step":"DISCLOSURE","by":"30d","reason":"...","reporterAgreed":true}].
ALTER TABLE vulnerability_case ADD COLUMN expedited boolean NOT NULL DEFAULT false;
ALTER TABLE vulnerability_case ADD COLUMN extensions text;
