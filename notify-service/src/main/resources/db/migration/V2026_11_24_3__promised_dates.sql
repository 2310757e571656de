-- What the acknowledgement tells the reporter about the dates ahead, as JSON lines {"label","when"}.
ALTER TABLE email_delivery ADD COLUMN promised_dates text;
