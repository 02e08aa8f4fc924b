-- The statement grouping reads the quote's search vector instead of computing it again: since 0008 the trigger that
-- keeps it, quote_search_vector, fires before quote_statement_group (PostgreSQL fires the triggers of one event in the
-- order of their names), so NEW.search is already the vector of NEW.text.
CREATE OR REPLACE FUNCTION group_quote_statement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    words tsvector := NEW.search;
BEGIN
    IF NEW.statement_pinned THEN
        NEW.statement_id := coalesce(NEW.statement_id, NEW.id);
        RETURN NEW;
    END IF;
    NEW.statement_id := NEW.id;
    IF length(words) >= 4 THEN
        SELECT q.statement_id INTO NEW.statement_id
        FROM quote q
        WHERE q.speaker_id = NEW.speaker_id AND q.id <> NEW.id AND length(q.search) >= 4
          AND lexeme_jaccard(q.search, words) >= 0.5
        ORDER BY lexeme_jaccard(q.search, words) DESC, q.id
        LIMIT 1;
        NEW.statement_id := coalesce(NEW.statement_id, NEW.id);
    END IF;
    RETURN NEW;
END
$$;
