-- What happened to an advisory after publication. Withdrawn (published in error) or superseded (by
-- another advisory's public id); its CVE record rejected. Each reason is published with the documents,
-- so none is sealed.
ALTER TABLE advisory
    ADD COLUMN retraction text CHECK (retraction IN ('WITHDRAWN', 'SUPERSEDED')),
    ADD COLUMN retraction_reason text,
    ADD COLUMN superseded_by text,
    ADD COLUMN retracted_at timestamptz,
    ADD COLUMN cve_rejection_reason text,
    ADD COLUMN cve_rejected_at timestamptz,
    ADD CONSTRAINT advisory_retraction_explained
        CHECK (retraction IS NULL OR (retraction_reason IS NOT NULL AND retracted_at IS NOT NULL)),
    ADD CONSTRAINT advisory_superseded_names_successor
        CHECK ((retraction = 'SUPERSEDED') = (superseded_by IS NOT NULL)),
    ADD CONSTRAINT advisory_cve_rejection_explained
        CHECK ((cve_rejection_reason IS NULL) = (cve_rejected_at IS NULL));
