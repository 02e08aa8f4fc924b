-- Writers cannot deadlock through the change feed. Until now a transaction took the feed lock at its first event, that
-- is after its first write had locked rows: a quote insert (holding its row, waiting for the lock to append its event)
-- and an entity rename (holding the lock, relinking mentions to that quote) each waited for the other. Now every
-- writing statement takes the lock before it touches a row, and keeps it to the end of its transaction, as before. A
-- writer that waits for the lock holds no row lock, so writers queue one behind another and never in a cycle;
-- positions still follow commit order (0003). Code that locks rows without writing them (SELECT … FOR UPDATE) calls
-- lock_for_write() first, and so does the import before it locks its tables.
CREATE FUNCTION lock_for_write() RETURNS void LANGUAGE sql AS 'SELECT pg_advisory_xact_lock(feed_lock_key())';

CREATE FUNCTION take_write_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lock_for_write();
    RETURN NULL;
END
$$;

-- A write that changes nothing changes nothing: no new updated_at (so no new ETag), no change event, no relinked
-- mentions or regrouped statement. Compared before the triggers that derive columns (the names sort first), with
-- what is derived left out: updated_at, which every update sets, and the generated columns, null until computed.
CREATE FUNCTION skip_unchanged_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF to_jsonb(NEW) - TG_ARGV = to_jsonb(OLD) - TG_ARGV THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END
$$;

-- Every table of the schema but the feed itself and the migrations' record, those of earlier migrations included; a
-- later migration that adds a table gives it its <table>_write_lock trigger the same way.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT c.oid, c.relname FROM pg_class c
             WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
               AND c.relname NOT IN ('change', 'schema_migration')
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION take_write_lock()',
                       t.relname || '_write_lock', t.relname);
    END LOOP;

    FOR t IN SELECT c.oid, c.relname FROM pg_class c
             WHERE c.relnamespace = current_schema()::regnamespace
               AND c.relname IN ('speaker', 'source', 'quote', 'claim', 'entity', 'stance', 'review')
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION skip_unchanged_update(%s)',
                       t.relname || '_ignore_unchanged', t.relname,
                       (SELECT string_agg(quote_literal(a.attname), ', ') FROM pg_attribute a
                        WHERE a.attrelid = t.oid AND (a.attname = 'updated_at' OR a.attgenerated <> '')));
    END LOOP;
END
$$;
