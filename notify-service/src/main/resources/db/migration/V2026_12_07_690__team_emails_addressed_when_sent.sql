-- A team email (deadline warnings, reporter wrote) is addressed when it is sent, to the contacts
-- of the program's revision in force then: it keeps no recipient of its own.
ALTER TABLE email_delivery ALTER COLUMN sealed_recipient DROP NOT NULL;
