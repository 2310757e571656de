-- The relay's queue: the seq of every outbox row not yet on Kafka. Marking a row published used to
-- UPDATE it, and PostgreSQL writes an updated row in full again (the event, sealed report text
-- included, about 1.4 KB for report.submitted) with new index entries; deleting a queue entry
-- writes a few bytes. outbox_event rows are now written once and never changed.
CREATE TABLE outbox_pending (
    seq  bigint PRIMARY KEY
);
INSERT INTO outbox_pending (seq) SELECT seq FROM outbox_event WHERE published_at IS NULL;
DROP INDEX outbox_event_unpublished;
-- published_at stays, unused, until a later release: during a rolling update the previous
-- version's instances still insert it (NULL; the trigger below queues their rows too) and mark it.

-- Every row inserted into outbox_event is queued by the same statement, whichever way it is
-- written (Hibernate or the SQL client), so no code path can stage an event the relay never sees.
CREATE FUNCTION outbox_event_queue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO outbox_pending (seq) SELECT seq FROM staged;
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_event_queued AFTER INSERT ON outbox_event
    REFERENCING NEW TABLE AS staged FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_queue();
