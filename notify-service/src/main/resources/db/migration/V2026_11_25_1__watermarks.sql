-- Each partner's copy of a pre-advisory carries its own watermark; a leaked text is traced by it.
ALTER TABLE webhook_delivery ADD COLUMN watermark text;
CREATE UNIQUE INDEX webhook_delivery_watermark ON webhook_delivery (watermark) WHERE watermark IS NOT NULL;
