-- The size of each statement, recounted from the quotes: what writes that bypass 0017's triggers (the import, which
-- turns user triggers off, and the bench generator, in replica mode) call instead of counting for themselves. Null
-- recounts every statement.
CREATE FUNCTION recount_statement_sizes(statements uuid[] DEFAULT NULL) RETURNS void LANGUAGE sql AS $$
    DELETE FROM quote_statement s
    WHERE (statements IS NULL OR s.statement_id = ANY (statements))
      AND NOT EXISTS (SELECT 1 FROM quote q WHERE q.statement_id = s.statement_id);
    INSERT INTO quote_statement (statement_id, quotes)
    SELECT q.statement_id, count(*) FROM quote q
    WHERE statements IS NULL OR q.statement_id = ANY (statements)
    GROUP BY q.statement_id
    ON CONFLICT (statement_id) DO UPDATE SET quotes = excluded.quotes WHERE quote_statement.quotes <> excluded.quotes;
$$;
