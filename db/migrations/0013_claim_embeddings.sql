-- Claim matching's sentence embeddings: one vector per claim, of the text it was made from (input_hash), by a named
-- model, as 384 little-endian float32s. Derived in the background by the API (Matching/EmbeddingWorker.cs), never by
-- a writer: a vector whose hash is not its claim's text's is stale and made again, so no writer, the import included,
-- has anything to keep up. version orders the rows as they were written, so that every instance's in-memory index can
-- read what changed since it last looked; one worker at a time writes them (an advisory lock), so versions commit in
-- order.
CREATE SEQUENCE claim_embedding_version;

CREATE TABLE claim_embedding (
    claim_id     uuid PRIMARY KEY REFERENCES claim (id) ON DELETE CASCADE,
    model        text NOT NULL,
    input_hash   bytea NOT NULL,
    vector       bytea NOT NULL CHECK (length(vector) = 384 * 4),
    version      bigint NOT NULL DEFAULT nextval('claim_embedding_version'),
    embedded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX claim_embedding_version_idx ON claim_embedding (version);

-- A sentence is a bag of words: a search of plain words (no "phrase", no -exclusion, no or) with more than four
-- distinct lexemes matches what has any of them, ranked as before, instead of requiring every word, which a long
-- sentence almost never meets. Shorter searches and searches in web-search syntax are as they were. Every search goes
-- through this one function, in /v1/search, the lists' q= and claims:search alike.
CREATE FUNCTION search_query(terms text) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN terms ~* '"|(^|\s)-|(^|\s)or(\s|$)' OR length(to_tsvector('english', terms)) <= 4
                THEN websearch_to_tsquery('english', terms)
                ELSE replace(plainto_tsquery('english', terms)::text, ' & ', ' | ')::tsquery END;

CREATE OR REPLACE FUNCTION query_entities(terms text) RETURNS TABLE (entity_id uuid, rest tsquery)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT e.id, search_query(regexp_replace(terms, names_pattern(array_prepend(e.name, e.aliases)), ' ', 'gi'))
        FROM entity e
        WHERE e.names_query @@ to_tsvector('english', terms)
          AND mentions_any(terms, array_prepend(e.name, e.aliases))
    $$;

CREATE OR REPLACE FUNCTION matching_quotes(terms text) RETURNS SETOF uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT q.id FROM quote q WHERE q.search @@ search_query(terms)
        UNION
        SELECT qe.quote_id
        FROM query_entities(terms) m
        JOIN quote_entity qe ON qe.entity_id = m.entity_id
        JOIN quote q ON q.id = qe.quote_id
        WHERE numnode(m.rest) = 0 OR q.search @@ m.rest
    $$;

CREATE OR REPLACE FUNCTION matching_claims(terms text) RETURNS SETOF uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT c.id FROM claim c WHERE c.search @@ search_query(terms)
        UNION
        SELECT ce.claim_id
        FROM query_entities(terms) m
        JOIN claim_entity ce ON ce.entity_id = m.entity_id
        JOIN claim c ON c.id = ce.claim_id
        WHERE numnode(m.rest) = 0 OR c.search @@ m.rest
    $$;

CREATE OR REPLACE FUNCTION matching_speakers(terms text) RETURNS SETOF uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT s.id FROM speaker s WHERE s.search @@ search_query(terms)
        UNION
        SELECT s.id FROM speaker s WHERE terms <% names_text(s.name, s.aliases)
    $$;

CREATE OR REPLACE FUNCTION matching_entities(terms text) RETURNS SETOF uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT e.id FROM entity e WHERE e.search @@ search_query(terms)
        UNION
        SELECT e.id FROM entity e WHERE terms <% names_text(e.name, e.aliases)
    $$;

CREATE OR REPLACE FUNCTION matching_sources(terms text) RETURNS SETOF uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT s.id FROM source s WHERE s.search @@ search_query(terms)
    $$;
