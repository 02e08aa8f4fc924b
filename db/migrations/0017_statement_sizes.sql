-- How many quotes render each statement, kept as quotes come, go and move between statements: a quote's variantCount
-- is one lookup instead of a count of its statement per row read. (Numbered after 0015 and 0016, taken on another branch.)
CREATE TABLE quote_statement (
    statement_id uuid PRIMARY KEY,
    quotes       integer NOT NULL CHECK (quotes > 0)
);

INSERT INTO quote_statement (statement_id, quotes)
SELECT statement_id, count(*) FROM quote GROUP BY statement_id;

CREATE FUNCTION count_statement_quotes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE quote_statement SET quotes = quotes - 1 WHERE statement_id = OLD.statement_id AND quotes > 1;
        IF NOT FOUND THEN
            DELETE FROM quote_statement WHERE statement_id = OLD.statement_id;
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO quote_statement (statement_id, quotes) VALUES (NEW.statement_id, 1)
        ON CONFLICT (statement_id) DO UPDATE SET quotes = quote_statement.quotes + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER quote_statement_count AFTER INSERT OR DELETE ON quote
    FOR EACH ROW EXECUTE FUNCTION count_statement_quotes();
CREATE TRIGGER quote_statement_recount AFTER UPDATE OF statement_id ON quote
    FOR EACH ROW WHEN (OLD.statement_id IS DISTINCT FROM NEW.statement_id) EXECUTE FUNCTION count_statement_quotes();

-- What every table has since 0014: its writers take the feed's lock first.
CREATE TRIGGER quote_statement_write_lock BEFORE INSERT OR UPDATE OR DELETE ON quote_statement
    FOR EACH STATEMENT EXECUTE FUNCTION take_write_lock();
