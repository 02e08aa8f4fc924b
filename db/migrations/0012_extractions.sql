-- Drafts of articles read into who said what (docs/extraction.md): what a reviewer edits and a commit writes through
-- the normal tables. A draft is work in progress, not knowledge: it has no change events and is not exported.
CREATE TABLE extraction (
    id                 uuid PRIMARY KEY,
    status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'committed')),
    -- The stored source the draft was made from, and when that source was last updated then: a commit that finds it
    -- updated since, or gone (source_id set null), refuses rather than write quotes against another text.
    source_id          uuid REFERENCES source (id) ON DELETE SET NULL,
    source_updated_at  timestamptz,
    draft              jsonb NOT NULL,
    -- What the commit wrote, which a second commit answers again.
    result             jsonb,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT extraction_committed_has_result CHECK ((status = 'committed') = (result IS NOT NULL))
);

CREATE INDEX extraction_source_idx ON extraction (source_id) WHERE source_id IS NOT NULL;

-- Matching an article's speakers to the stored ones by name or alias in any case, in one indexed statement.
CREATE FUNCTION lower_names(names text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT coalesce(array_agg(lower(n)), '{}') FROM unnest(names) AS n);

CREATE INDEX speaker_lower_name_idx ON speaker (lower(name));
CREATE INDEX speaker_lower_aliases_idx ON speaker USING gin (lower_names(aliases));
