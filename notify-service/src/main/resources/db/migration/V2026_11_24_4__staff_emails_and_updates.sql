-- Several emails of a kind per report (deadline warnings per step and due time, status updates
-- per sequence): each is owed once per occasion, whatever the broker redelivers.
ALTER TABLE email_delivery ADD COLUMN occasion text NOT NULL DEFAULT '';
ALTER TABLE email_delivery DROP CONSTRAINT email_delivery_report_id_kind_key;
ALTER TABLE email_delivery ADD CONSTRAINT email_delivery_once UNIQUE (report_id, kind, occasion);
-- What the template says besides the promised dates (step, due time, status), as JSON; none is secret.
ALTER TABLE email_delivery ADD COLUMN details text;

-- Who runs each program's security team, from program.policy.published (the program's public contacts).
CREATE TABLE program_contact (
    program_slug  text PRIMARY KEY,
    revision      integer NOT NULL,
    emails        text NOT NULL
);
