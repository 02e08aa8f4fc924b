-- Drafts of articles read into who said what (docs/extraction.md): what a reviewer edits and a commit writes through
-- the normal tables. A draft is work in progress, not knowledge: it has no change events and is not exported.
CREATE TABLE extraction (
    id                 uuid PRIMARY KEY,
    status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'committed')),
    -- The stored source the draft was made from (or its commit wrote), and when that source was last updated then: a
    -- commit that finds it updated since, or gone, refuses rather than write quotes against another text. Not a foreign
    -- key: a draft is work in progress, and holds up no delete, truncation or restore of the sources.
    source_id          uuid,
    source_updated_at  timestamptz,
    draft              jsonb NOT NULL,
    -- What the commit wrote, which a second commit answers again.
    result             jsonb,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT extraction_committed_has_result CHECK ((status = 'committed') = (result IS NOT NULL))
);

-- Matching an article's speakers to the stored ones by name or alias in any case, in one indexed statement.
CREATE FUNCTION lower_names(names text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT coalesce(array_agg(lower(n)), '{}') FROM unnest(names) AS n);

CREATE INDEX speaker_lower_name_idx ON speaker (lower(name));
CREATE INDEX speaker_lower_aliases_idx ON speaker USING gin (lower_names(aliases));

-- The statement a quote of this speaker with these content words belongs to (0002's rule: Jaccard >= 0.5 with another
-- quote of the speaker, each with at least four lexemes, the closest one winning), or its own. The quote trigger groups
-- every quote written row by row through it; the articles import asks it for the quotes it brings, whose triggers are
-- off, among the stored quotes and those it brought before (the other_* arrays, one element per quote).
CREATE FUNCTION statement_of(
    quote_id uuid, speaker_id uuid, words tsvector,
    other_ids uuid[] DEFAULT '{}', other_speakers uuid[] DEFAULT '{}', other_words tsvector[] DEFAULT '{}', other_statements uuid[] DEFAULT '{}')
    RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN coalesce(
        (SELECT c.statement_id
         FROM (SELECT q.id, q.search, q.statement_id FROM quote q WHERE q.speaker_id = statement_of.speaker_id
               UNION ALL
               SELECT o.id, o.search, o.statement_id
               FROM unnest(other_ids, other_speakers, other_words, other_statements) AS o(id, speaker_id, search, statement_id)
               WHERE o.speaker_id = statement_of.speaker_id) AS c
         -- Each candidate's similarity computed once; before it, cheap conditions that a Jaccard of 0.5 implies (lengths
         -- within a factor of two, a lexeme in common) spare computing it for most.
         CROSS JOIN LATERAL (SELECT lexeme_jaccard(c.search, words) AS jaccard) AS s
         WHERE length(words) >= 4 AND c.id <> statement_of.quote_id AND length(c.search) >= 4
           AND length(c.search) BETWEEN length(words) / 2.0 AND length(words) * 2.0
           AND tsvector_to_array(c.search) && tsvector_to_array(words)
           AND s.jaccard >= 0.5
         ORDER BY s.jaccard DESC, c.id
         LIMIT 1),
        quote_id);

CREATE OR REPLACE FUNCTION group_quote_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.statement_pinned THEN
        NEW.statement_id := coalesce(NEW.statement_id, NEW.id);
    ELSE
        NEW.statement_id := statement_of(NEW.id, NEW.speaker_id, NEW.search);
    END IF;
    RETURN NEW;
END
$$;
