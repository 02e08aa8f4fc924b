-- The knowledge base core: speakers, sources, quotes, claims, stances, claim links, entities.
-- Ids are UUID v7 made by the application; slugs use the C collation so prefix LIKE uses the btree.

CREATE TABLE speaker (
    id          uuid PRIMARY KEY,
    slug        text COLLATE "C" NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text NOT NULL CHECK (name <> ''),
    kind        text NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organization', 'government')),
    title       text,
    aliases     text[] NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX speaker_kind_idx ON speaker (kind, slug);

CREATE TABLE source (
    id            uuid PRIMARY KEY,
    url           text NOT NULL UNIQUE CHECK (url ~ '^https?://'),
    title         text,
    publisher     text,
    published_on  date,
    language      text,
    body          text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX source_published_idx ON source (coalesce(published_on, '-infinity'::date) DESC, id DESC);
CREATE INDEX source_publisher_idx ON source (publisher, coalesce(published_on, '-infinity'::date) DESC, id DESC);

-- A span counts Unicode code points into source.body, end exclusive: substr(body, span_start + 1, span_end - span_start) = text.
CREATE TABLE quote (
    id          uuid PRIMARY KEY,
    speaker_id  uuid NOT NULL REFERENCES speaker (id) ON DELETE RESTRICT,
    source_id   uuid NOT NULL REFERENCES source (id) ON DELETE RESTRICT,
    kind        text NOT NULL DEFAULT 'direct' CHECK (kind IN ('direct', 'paraphrase')),
    text        text NOT NULL CHECK (text <> ''),
    said_on     date,
    place       text,
    span_start  integer,
    span_end    integer,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT quote_span_whole CHECK ((span_start IS NULL) = (span_end IS NULL)),
    CONSTRAINT quote_span_order CHECK (span_start >= 0 AND span_end > span_start),
    -- Lets a stance's evidence be pinned to a quote of the stance's own speaker.
    CONSTRAINT quote_id_speaker_key UNIQUE (id, speaker_id)
);

-- Newest first; quotes with no known date sort last.
CREATE INDEX quote_speaker_said_idx ON quote (speaker_id, coalesce(said_on, '-infinity'::date) DESC, id DESC);
CREATE INDEX quote_source_said_idx ON quote (source_id, coalesce(said_on, '-infinity'::date) DESC, id DESC);
CREATE INDEX quote_said_idx ON quote (coalesce(said_on, '-infinity'::date) DESC, id DESC);

CREATE TABLE claim (
    id          uuid PRIMARY KEY,
    slug        text COLLATE "C" NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    text        text NOT NULL CHECK (text <> ''),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stance (
    id          uuid PRIMARY KEY,
    claim_id    uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    speaker_id  uuid NOT NULL REFERENCES speaker (id) ON DELETE RESTRICT,
    position    text NOT NULL CHECK (position IN ('asserts', 'disputes')),
    quote_id    uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stance_claim_speaker_key UNIQUE (claim_id, speaker_id),
    -- Deleting the evidence quote keeps the stance and drops only the evidence.
    CONSTRAINT stance_quote_fkey FOREIGN KEY (quote_id, speaker_id)
        REFERENCES quote (id, speaker_id) ON DELETE SET NULL (quote_id)
);

CREATE INDEX stance_speaker_idx ON stance (speaker_id, position);
CREATE INDEX stance_quote_idx ON stance (quote_id) WHERE quote_id IS NOT NULL;

-- 'counters' is symmetric and stored once per pair; 'supports' is directed (from supports to).
CREATE TABLE claim_link (
    from_claim_id  uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    to_claim_id    uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    kind           text NOT NULL CHECK (kind IN ('counters', 'supports')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (from_claim_id, to_claim_id, kind),
    CONSTRAINT claim_link_not_self CHECK (from_claim_id <> to_claim_id)
);

CREATE UNIQUE INDEX claim_link_counters_pair_idx
    ON claim_link (least(from_claim_id, to_claim_id), greatest(from_claim_id, to_claim_id))
    WHERE kind = 'counters';
CREATE INDEX claim_link_to_idx ON claim_link (to_claim_id, kind);

CREATE TABLE entity (
    id          uuid PRIMARY KEY,
    slug        text COLLATE "C" NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name        text NOT NULL CHECK (name <> ''),
    aliases     text[] NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE claim_entity (
    claim_id   uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    entity_id  uuid NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, entity_id)
);

CREATE INDEX claim_entity_entity_idx ON claim_entity (entity_id);

-- Provenance is the database's invariant, not only the API's: a quote's span must hold its text.
-- FOR SHARE orders this check against a concurrent change of the source's body.
CREATE FUNCTION quote_check_span() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    source_body text;
BEGIN
    IF NEW.span_start IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT s.body INTO source_body FROM source s WHERE s.id = NEW.source_id FOR SHARE;
    IF NOT FOUND THEN
        RETURN NEW; -- the foreign key reports the missing source
    END IF;
    IF NEW.span_end > char_length(source_body) THEN
        RAISE EXCEPTION 'The span [%, %) lies outside the source text, which has % characters.',
            NEW.span_start, NEW.span_end, char_length(source_body)
            USING ERRCODE = 'check_violation', CONSTRAINT = 'quote_span_inside_source';
    END IF;
    IF substr(source_body, NEW.span_start + 1, NEW.span_end - NEW.span_start) <> NEW.text THEN
        RAISE EXCEPTION 'The source text at span [%, %) is "%", which is not the quote''s text.',
            NEW.span_start, NEW.span_end, substr(source_body, NEW.span_start + 1, NEW.span_end - NEW.span_start)
            USING ERRCODE = 'check_violation', CONSTRAINT = 'quote_span_matches_text';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER quote_span_check
    BEFORE INSERT OR UPDATE OF text, span_start, span_end, source_id ON quote
    FOR EACH ROW EXECUTE FUNCTION quote_check_span();

CREATE FUNCTION source_check_quote_spans() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    broken integer;
BEGIN
    SELECT count(*) INTO broken FROM quote q
    WHERE q.source_id = NEW.id AND q.span_start IS NOT NULL
      AND substr(NEW.body, q.span_start + 1, q.span_end - q.span_start) <> q.text;
    IF broken > 0 THEN
        RAISE EXCEPTION 'The new body would no longer hold the text of % quote(s) at their spans; fix or delete those quotes first.', broken
            USING ERRCODE = 'check_violation', CONSTRAINT = 'source_body_keeps_quote_spans';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER source_quote_spans_check
    BEFORE UPDATE OF body ON source
    FOR EACH ROW WHEN (OLD.body IS DISTINCT FROM NEW.body) EXECUTE FUNCTION source_check_quote_spans();

-- A stance's evidence must be the stance speaker's own words. The composite foreign key enforces it;
-- this trigger only tells "someone else's quote" (400) apart from "no such quote" (404).
CREATE FUNCTION stance_check_quote_speaker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.quote_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM quote q WHERE q.id = NEW.quote_id AND q.speaker_id <> NEW.speaker_id) THEN
        RAISE EXCEPTION 'The evidence quote was said by another speaker; a stance''s quote must be its own speaker''s.'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'stance_quote_same_speaker';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER stance_quote_speaker_check
    BEFORE INSERT OR UPDATE OF quote_id, speaker_id ON stance
    FOR EACH ROW EXECUTE FUNCTION stance_check_quote_speaker();
