-- Partners receive pre-advisories by email too, each copy with its own watermark (traced by leak checks).
ALTER TABLE email_delivery ADD COLUMN partner_id uuid;
ALTER TABLE email_delivery ADD COLUMN watermark text;
CREATE UNIQUE INDEX email_delivery_watermark ON email_delivery (watermark) WHERE watermark IS NOT NULL;
