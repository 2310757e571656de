-- Event subscriptions (issue 30): staff's own endpoints receive lifecycle events, through the same
-- webhook endpoints and deliveries as partners' pre-advisories; such an endpoint belongs to no partner.
ALTER TABLE webhook_endpoint ALTER COLUMN partner_id DROP NOT NULL;
ALTER TABLE webhook_delivery ALTER COLUMN partner_id DROP NOT NULL;

CREATE TABLE event_subscription (
    id          uuid PRIMARY KEY,
    endpoint_id uuid NOT NULL UNIQUE REFERENCES webhook_endpoint (id),
    -- Space-separated: the event types (e.g. case.state.changed) and the program slugs it receives.
    event_types text NOT NULL,
    programs    text NOT NULL,
    -- cloudevents, chat or issue: the body each delivery carries.
    format      text NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL
);
