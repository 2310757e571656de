-- Issue 27: CVE IDs and the clocks a law or the CVE Program sets beside the policy's.

-- A program's reserved CVE IDs (own CNA): imported or reserved one by one, assigned to at most one
-- case, and rejected with a reason when unused (CNA rule 4.5.3.5). Rows are never deleted.
CREATE TABLE cve_reservation (
    cve_id                  text PRIMARY KEY,
    program_slug            text NOT NULL,
    state                   text NOT NULL CHECK (state IN ('reserved', 'assigned', 'rejected')),
    case_id                 uuid REFERENCES vulnerability_case (id),
    reserved_by             text NOT NULL,
    reserved_at             timestamptz NOT NULL,
    sealed_rejection_reason text,
    rejected_at             timestamptz,
    CHECK (state <> 'assigned' OR case_id IS NOT NULL),
    CHECK (state <> 'reserved' OR case_id IS NULL)
);
CREATE INDEX cve_reservation_free ON cve_reservation (program_slug, cve_id) WHERE state = 'reserved';

-- The case's CVE ID and, for a route where someone else assigns it, the request; when the case became
-- public and when its CVE record did (the CNA clock).
ALTER TABLE vulnerability_case
    ADD COLUMN cve_id text,
    ADD COLUMN cve_route text,
    ADD COLUMN cve_assigned_at timestamptz,
    ADD COLUMN cve_requested_from text,
    ADD COLUMN cve_requested_at timestamptz,
    ADD COLUMN cve_request_reference text,
    ADD COLUMN publicly_disclosed_at timestamptz,
    ADD COLUMN cve_record_published_at timestamptz,
-- The EU CRA clock (Article 14): what started it, when the team became aware, when a corrective or
-- mitigating measure became available.
    ADD COLUMN cra_trigger text CHECK (cra_trigger IN ('actively_exploited', 'severe_incident')),
    ADD COLUMN cra_aware_at timestamptz,
    ADD COLUMN cra_corrective_measure_at timestamptz,
    ADD COLUMN cra_notified_at timestamptz,
    ADD COLUMN sealed_cra_corrective_measure text;
CREATE UNIQUE INDEX vulnerability_case_cve_id ON vulnerability_case (cve_id) WHERE cve_id IS NOT NULL;

-- A target (the CNA rule's "should", a policy's "usually within") is warned about, never breached.
ALTER TABLE case_deadline ADD COLUMN firm boolean NOT NULL DEFAULT true;
-- When the step's clock started, for warnings that come a quarter of the span ahead at most.
ALTER TABLE case_deadline ADD COLUMN clock_from timestamptz;

-- The three CRA notifications of a case: drafted from the case, edited, reviewed by a coordinator and
-- submitted to the single reporting platform. The content names the vulnerability, so it is sealed.
CREATE TABLE cra_notification (
    id                    uuid PRIMARY KEY,
    case_id               uuid NOT NULL REFERENCES vulnerability_case (id),
    kind                  text NOT NULL CHECK (kind IN ('early_warning', 'notification', 'final_report')),
    sealed_content        text NOT NULL,
    drafted_by            text NOT NULL,
    drafted_at            timestamptz NOT NULL,
    edited_by             text,
    edited_at             timestamptz,
    reviewed_by           text,
    reviewed_at           timestamptz,
    submitted_by          text,
    submitted_at          timestamptz,
    submission_reference  text,
    UNIQUE (case_id, kind)
);
