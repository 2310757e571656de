-- The dispatchers wake when a transaction that queued deliveries commits instead of polling for
-- them: PostgreSQL delivers the notification at commit (never for a rollback) to every replica
-- listening (WakeOnCommit). Retries fall due later and are found by the dispatchers' poll.
CREATE FUNCTION delivery_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], '');
    RETURN NULL;
END
$$;
CREATE TRIGGER email_delivery_queued AFTER INSERT ON email_delivery
    FOR EACH STATEMENT EXECUTE FUNCTION delivery_queued('embargo_email');
CREATE TRIGGER webhook_delivery_queued AFTER INSERT ON webhook_delivery
    FOR EACH STATEMENT EXECUTE FUNCTION delivery_queued('embargo_webhook');
