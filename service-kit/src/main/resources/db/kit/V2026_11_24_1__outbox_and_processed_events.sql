-- Shared by every service, each in its own database (see service-kit/README.md).

-- Events written in the same transaction as the state change they announce, relayed to Kafka afterwards.
CREATE TABLE outbox_event (
    id            uuid PRIMARY KEY,
    seq           bigserial NOT NULL UNIQUE,
    topic         text NOT NULL,
    event_key     text NOT NULL,
    event_type    text NOT NULL,
    occurred_at   timestamptz NOT NULL,
    payload       text NOT NULL,
    published_at  timestamptz
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Ids of the events a consumer has applied, written in the same transaction as the effect, so redelivery is harmless.
CREATE TABLE processed_event (
    consumer      text NOT NULL,
    event_id      text NOT NULL,
    event_type    text NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
