-- The change feed: every committed write appends an event in its own transaction.
--
-- Positions must be in commit order, or a consumer that has read up to N could later meet a smaller position that
-- committed late and miss it. A transaction therefore takes the feed lock at its first event and keeps it until it
-- ends: positions are handed out one transaction at a time, and a transaction's events are visible before the next
-- transaction can take a position. A rolled-back transaction leaves a gap that nothing ever fills.
CREATE SEQUENCE change_position;

CREATE TABLE change (
    position     bigint PRIMARY KEY,
    resource     text NOT NULL,
    resource_id  uuid NOT NULL,
    operation    text NOT NULL CHECK (operation IN ('create', 'update', 'delete', 'link', 'unlink')),
    related_id   uuid,
    detail       text,
    at           timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX change_resource_idx ON change (resource, position);

-- The lock's key; any constant shared by all writers.
CREATE FUNCTION feed_lock_key() RETURNS bigint LANGUAGE sql IMMUTABLE RETURN 4354;

CREATE FUNCTION append_change(resource text, resource_id uuid, operation text, related_id uuid, detail text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(feed_lock_key());
    INSERT INTO change (position, resource, resource_id, operation, related_id, detail)
    VALUES (nextval('change_position'), resource, resource_id, operation, related_id, detail);
    PERFORM pg_notify('claims_changes', '');
END
$$;

-- Rows with their own id: speaker, source, quote, claim, entity, stance.
CREATE FUNCTION record_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM append_change(TG_TABLE_NAME, OLD.id, 'delete', NULL, NULL);
        RETURN OLD;
    END IF;
    PERFORM append_change(TG_TABLE_NAME, NEW.id, CASE TG_OP WHEN 'INSERT' THEN 'create' ELSE 'update' END, NULL, NULL);
    RETURN NEW;
END
$$;

CREATE TRIGGER speaker_change AFTER INSERT OR UPDATE OR DELETE ON speaker FOR EACH ROW EXECUTE FUNCTION record_row_change();
CREATE TRIGGER source_change AFTER INSERT OR UPDATE OR DELETE ON source FOR EACH ROW EXECUTE FUNCTION record_row_change();
CREATE TRIGGER quote_change AFTER INSERT OR UPDATE OR DELETE ON quote FOR EACH ROW EXECUTE FUNCTION record_row_change();
CREATE TRIGGER claim_change AFTER INSERT OR UPDATE OR DELETE ON claim FOR EACH ROW EXECUTE FUNCTION record_row_change();
CREATE TRIGGER entity_change AFTER INSERT OR UPDATE OR DELETE ON entity FOR EACH ROW EXECUTE FUNCTION record_row_change();
CREATE TRIGGER stance_change AFTER INSERT OR UPDATE OR DELETE ON stance FOR EACH ROW EXECUTE FUNCTION record_row_change();

-- Links between rows: the event names the first row, the other one, and the kind of link.
CREATE FUNCTION record_link_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    link record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    operation text := CASE WHEN TG_OP = 'DELETE' THEN 'unlink' ELSE 'link' END;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        operation := 'update';
    END IF;
    CASE TG_TABLE_NAME
        WHEN 'claim_link' THEN PERFORM append_change('claim', link.from_claim_id, operation, link.to_claim_id, link.kind);
        WHEN 'quote_entity' THEN PERFORM append_change('entity', link.entity_id, operation, link.quote_id, 'quote');
        WHEN 'claim_entity' THEN PERFORM append_change('entity', link.entity_id, operation, link.claim_id, 'claim');
    END CASE;
    RETURN NULL;
END
$$;

CREATE TRIGGER claim_link_change AFTER INSERT OR DELETE ON claim_link FOR EACH ROW EXECUTE FUNCTION record_link_change();
CREATE TRIGGER quote_entity_change AFTER INSERT OR UPDATE OR DELETE ON quote_entity FOR EACH ROW EXECUTE FUNCTION record_link_change();
CREATE TRIGGER claim_entity_change AFTER INSERT OR UPDATE OR DELETE ON claim_entity FOR EACH ROW EXECUTE FUNCTION record_link_change();

