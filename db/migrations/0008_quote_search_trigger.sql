-- A quote's search vector is kept by a trigger rather than computed as a generated column, so that an import can
-- compute the vectors of many quotes at once, on parallel workers, and write them with the rows (see
-- Transfer/ImportSearch.cs): PostgreSQL's english to_tsvector costs about 20 µs a quote, most of a large import's
-- time when one backend computes it row by row. Every other write goes through the trigger, as before.
ALTER TABLE quote ALTER COLUMN search DROP EXPRESSION;

CREATE FUNCTION quote_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := to_tsvector('english', NEW.text);
    RETURN NEW;
END
$$;

CREATE TRIGGER quote_search_vector BEFORE INSERT OR UPDATE OF text ON quote
    FOR EACH ROW EXECUTE FUNCTION quote_search_vector();
