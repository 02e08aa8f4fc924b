-- Finding things: full-text search, fuzzy names, entity mentions, and quotes grouped into statements.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A speaker's or entity's names as one text. array_to_string is only STABLE in general; over text it is immutable,
-- which generated columns and expression indexes need.
CREATE FUNCTION names_text(name text, aliases text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN name || ' ' || array_to_string(aliases, ' ');

-- Every searchable row carries its English tsvector (stemmed, stop words dropped), kept by PostgreSQL itself.
ALTER TABLE quote ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED;
ALTER TABLE claim ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED;
ALTER TABLE speaker ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('english', names_text(name, aliases) || ' ' || coalesce(title, ''))) STORED;
ALTER TABLE entity ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', names_text(name, aliases))) STORED;
ALTER TABLE source ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(publisher, ''))) STORED;

CREATE INDEX quote_search_idx ON quote USING gin (search);
CREATE INDEX claim_search_idx ON claim USING gin (search);
CREATE INDEX speaker_search_idx ON speaker USING gin (search);
CREATE INDEX entity_search_idx ON entity USING gin (search);
CREATE INDEX source_search_idx ON source USING gin (search);

-- Misspelt names ("Stoltenburg") still find their speaker or entity by trigram similarity.
CREATE INDEX speaker_names_trgm_idx ON speaker USING gin (names_text(name, aliases) gin_trgm_ops);
CREATE INDEX entity_names_trgm_idx ON entity USING gin (names_text(name, aliases) gin_trgm_ops);

-- Filters people ask for.
CREATE INDEX source_language_idx ON source (language, coalesce(published_on, '-infinity'::date) DESC, id DESC);
CREATE INDEX stance_speaker_claim_idx ON stance (speaker_id, position, claim_id);

-- Mentions: which quotes and claims name an entity. 'auto' rows follow the text; 'manual' ones are a person's call.
ALTER TABLE claim_entity ADD COLUMN origin text NOT NULL DEFAULT 'manual' CHECK (origin IN ('auto', 'manual'));

CREATE TABLE quote_entity (
    quote_id   uuid NOT NULL REFERENCES quote (id) ON DELETE CASCADE,
    entity_id  uuid NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    origin     text NOT NULL DEFAULT 'manual' CHECK (origin IN ('auto', 'manual')),
    PRIMARY KEY (quote_id, entity_id)
);

CREATE INDEX quote_entity_entity_idx ON quote_entity (entity_id, quote_id);

-- Whole-word, case-insensitive: "INF" is in "the INF Treaty" but not in "INFORMATION".
CREATE FUNCTION names_pattern(names text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT '(^|[^[:alnum:]])(' || string_agg(regexp_replace(n, '([^[:alnum:][:space:]])', '\\\1', 'g'), '|') || ')($|[^[:alnum:]])'
            FROM unnest(names) AS n WHERE n <> '');

CREATE FUNCTION mentions_any(content text, names text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN content ~* names_pattern(names);

-- The full-text prefilter of an entity's names: any of them as a phrase.
CREATE FUNCTION names_query(name text, aliases text[]) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT string_agg('(' || q::text || ')', ' | ')::tsquery
            FROM unnest(array_prepend(name, aliases)) AS n, phraseto_tsquery('english', n) AS q
            WHERE q::text <> '');

ALTER TABLE entity ADD COLUMN names_query tsquery GENERATED ALWAYS AS (names_query(name, aliases)) STORED;

CREATE FUNCTION link_quote_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM quote_entity WHERE quote_id = NEW.id AND origin = 'auto';
    INSERT INTO quote_entity (quote_id, entity_id, origin)
    SELECT NEW.id, e.id, 'auto' FROM entity e
    WHERE NEW.search @@ e.names_query AND mentions_any(NEW.text, array_prepend(e.name, e.aliases))
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER quote_mentions_link AFTER INSERT OR UPDATE OF text ON quote
    FOR EACH ROW EXECUTE FUNCTION link_quote_mentions();

CREATE FUNCTION link_claim_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM claim_entity WHERE claim_id = NEW.id AND origin = 'auto';
    INSERT INTO claim_entity (claim_id, entity_id, origin)
    SELECT NEW.id, e.id, 'auto' FROM entity e
    WHERE NEW.search @@ e.names_query AND mentions_any(NEW.text, array_prepend(e.name, e.aliases))
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER claim_mentions_link AFTER INSERT OR UPDATE OF text ON claim
    FOR EACH ROW EXECUTE FUNCTION link_claim_mentions();

-- A new or renamed entity is linked to what already mentions it, found through the full-text index first.
CREATE FUNCTION link_entity_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    names text[] := array_prepend(NEW.name, NEW.aliases);
BEGIN
    DELETE FROM quote_entity WHERE entity_id = NEW.id AND origin = 'auto';
    DELETE FROM claim_entity WHERE entity_id = NEW.id AND origin = 'auto';
    IF NEW.names_query IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO quote_entity (quote_id, entity_id, origin)
    SELECT q.id, NEW.id, 'auto' FROM quote q WHERE q.search @@ NEW.names_query AND mentions_any(q.text, names)
    ON CONFLICT DO NOTHING;
    INSERT INTO claim_entity (claim_id, entity_id, origin)
    SELECT c.id, NEW.id, 'auto' FROM claim c WHERE c.search @@ NEW.names_query AND mentions_any(c.text, names)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER entity_mentions_link AFTER INSERT OR UPDATE OF name, aliases ON entity
    FOR EACH ROW EXECUTE FUNCTION link_entity_mentions();

-- The same statement across sources: quotes of one speaker whose content words (English lexemes) overlap by at
-- least half (Jaccard), each with at least four of them, share a statement_id. Pinned quotes were grouped by hand.
ALTER TABLE quote ADD COLUMN statement_id uuid;
ALTER TABLE quote ADD COLUMN statement_pinned boolean NOT NULL DEFAULT false;
UPDATE quote SET statement_id = id;
ALTER TABLE quote ALTER COLUMN statement_id SET NOT NULL;
CREATE INDEX quote_statement_idx ON quote (statement_id);

CREATE FUNCTION lexeme_jaccard(a tsvector, b tsvector) RETURNS float8
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT CASE WHEN count(*) = 0 THEN 0 ELSE count(*) FILTER (WHERE in_a AND in_b)::float8 / count(*) END
            FROM (SELECT bool_or(side = 'a') AS in_a, bool_or(side = 'b') AS in_b
                  FROM (SELECT unnest(tsvector_to_array(a)) AS lexeme, 'a' AS side
                        UNION ALL
                        SELECT unnest(tsvector_to_array(b)), 'b') AS sides
                  GROUP BY lexeme) AS lexemes);

CREATE FUNCTION group_quote_statement() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    words tsvector := to_tsvector('english', NEW.text);
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

CREATE TRIGGER quote_statement_group BEFORE INSERT OR UPDATE OF text, speaker_id ON quote
    FOR EACH ROW EXECUTE FUNCTION group_quote_statement();

-- Group the quotes already stored, oldest first, as if each had just been written.
UPDATE quote SET text = text;

-- (Parameters are named 'terms': in SQL functions a column named 'search' would win over a parameter of that name.)
-- The entities a search names under any of their names, each with the rest of the search as a query, empty when
-- the search was only the name: "SSC-8 violating" names 9M729 and leaves 'violat'. A row then matches the search
-- when it mentions such an entity and matches the rest, so an alias finds text that uses another of the names.
CREATE FUNCTION query_entities(terms text) RETURNS TABLE (entity_id uuid, rest tsquery)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT e.id, websearch_to_tsquery('english', regexp_replace(terms, names_pattern(array_prepend(e.name, e.aliases)), ' ', 'gi'))
        FROM entity e
        WHERE e.names_query @@ to_tsvector('english', terms)
          AND mentions_any(terms, array_prepend(e.name, e.aliases))
    $$;

-- Matching rows for a search: the full-text match, or a mention of an entity the search names (see query_entities).
CREATE FUNCTION matching_quotes(terms text) RETURNS SETOF uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT q.id FROM quote q WHERE q.search @@ websearch_to_tsquery('english', terms)
        UNION
        SELECT qe.quote_id
        FROM query_entities(terms) m
        JOIN quote_entity qe ON qe.entity_id = m.entity_id
        JOIN quote q ON q.id = qe.quote_id
        WHERE numnode(m.rest) = 0 OR q.search @@ m.rest
    $$;

CREATE FUNCTION matching_claims(terms text) RETURNS SETOF uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT c.id FROM claim c WHERE c.search @@ websearch_to_tsquery('english', terms)
        UNION
        SELECT ce.claim_id
        FROM query_entities(terms) m
        JOIN claim_entity ce ON ce.entity_id = m.entity_id
        JOIN claim c ON c.id = ce.claim_id
        WHERE numnode(m.rest) = 0 OR c.search @@ m.rest
    $$;

-- Speakers and entities also match a misspelt name: word similarity of trigrams at least 0.6 ("Stoltenburg").
CREATE FUNCTION matching_speakers(terms text) RETURNS SETOF uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT s.id FROM speaker s WHERE s.search @@ websearch_to_tsquery('english', terms)
        UNION
        SELECT s.id FROM speaker s WHERE terms <% names_text(s.name, s.aliases)
    $$;

CREATE FUNCTION matching_entities(terms text) RETURNS SETOF uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT e.id FROM entity e WHERE e.search @@ websearch_to_tsquery('english', terms)
        UNION
        SELECT e.id FROM entity e WHERE terms <% names_text(e.name, e.aliases)
    $$;

CREATE FUNCTION matching_sources(terms text) RETURNS SETOF uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT s.id FROM source s WHERE s.search @@ websearch_to_tsquery('english', terms)
    $$;

-- The entity filter names an entity by id, slug, or any of its names in any case: ?entity=SSC-8 is the 9M729.
CREATE FUNCTION named_entities(entity_id uuid, name_or_slug text) RETURNS SETOF uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT e.id FROM entity e WHERE e.id = entity_id OR e.slug = name_or_slug
        UNION
        SELECT e.id FROM entity e WHERE e.search @@ plainto_tsquery('english', name_or_slug)
          AND lower(name_or_slug) IN (SELECT lower(n) FROM unnest(array_prepend(e.name, e.aliases)) AS n)
    $$;
