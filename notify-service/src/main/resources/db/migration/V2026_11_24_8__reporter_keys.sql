-- The reporter's OpenPGP public key (report.reporter.key.provided), sealed; emails to the reporter
-- are encrypted to the key known when they are queued.
ALTER TABLE reporter_contact ADD COLUMN sealed_public_key text;
ALTER TABLE email_delivery ADD COLUMN sealed_encrypt_to text;
