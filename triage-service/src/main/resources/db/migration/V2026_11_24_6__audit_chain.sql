-- The audit log is a hash chain per case: each line's hash covers the line and the previous
-- line's hash, so changing or removing any line breaks every hash after it.
-- Lines written before the chain existed get position 0 and empty hashes (none exist outside development).
ALTER TABLE case_audit ADD COLUMN position integer NOT NULL DEFAULT 0;
ALTER TABLE case_audit ADD COLUMN previous_hash text NOT NULL DEFAULT '';
ALTER TABLE case_audit ADD COLUMN hash text NOT NULL DEFAULT '';
ALTER TABLE case_audit ALTER COLUMN position DROP DEFAULT;
ALTER TABLE case_audit ALTER COLUMN previous_hash DROP DEFAULT;
ALTER TABLE case_audit ALTER COLUMN hash DROP DEFAULT;
-- One line per position: two writers chaining to the same line cannot both commit.
CREATE UNIQUE INDEX case_audit_chain ON case_audit (case_id, position);

-- Append-only for the service itself; the hash chain catches whoever gets around this.
CREATE FUNCTION case_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_audit is append-only';
END $$;
CREATE TRIGGER case_audit_append_only BEFORE UPDATE OR DELETE ON case_audit
    FOR EACH ROW EXECUTE FUNCTION case_audit_is_append_only();
