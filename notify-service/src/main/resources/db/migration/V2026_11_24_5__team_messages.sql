-- A message from the security team to the reporter: the email's text, sealed like everything a
-- reporter and a team say about a vulnerability.
ALTER TABLE email_delivery ADD COLUMN sealed_body text;
