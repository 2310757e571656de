-- Advisory's own projection of the report lifecycle: what publishers need to see coming.
-- Rebuilt from the topic if lost; no sensitive text is kept here.
CREATE TABLE tracked_report (
    report_id        uuid PRIMARY KEY,
    tracking_id      text NOT NULL,
    program_slug     text NOT NULL,
    stage            text NOT NULL,
    case_id          uuid,
    credit_name      text,
    submitted_at     timestamptz,
    acknowledged_at  timestamptz,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX tracked_report_updated ON tracked_report (updated_at DESC);
