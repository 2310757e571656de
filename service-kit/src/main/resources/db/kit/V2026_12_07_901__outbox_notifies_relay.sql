-- The relay wakes when a transaction that staged events commits instead of polling for them:
-- PostgreSQL delivers the notification at commit (never for a rollback) to every replica listening
-- (WakeOnCommit), and folds a transaction's notifications on one channel into one.
CREATE OR REPLACE FUNCTION outbox_event_queue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO outbox_pending (seq) SELECT seq FROM staged;
    PERFORM pg_notify('embargo_outbox', '');
    RETURN NULL;
END
$$;
