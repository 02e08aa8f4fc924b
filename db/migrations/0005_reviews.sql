-- Fact-check reviews: a publisher's verdict on a claim, in the publisher's own words (rating_text, any language) and
-- on the one scale the API filters and maps by (rating; the mapping is Reviews/RatingScale.cs).

-- One article under another spelling of its URL is the same review: the key lower-cases the scheme and host, drops
-- a leading "www." and the fragment, and trims trailing slashes from the path. The URL itself is kept as given.
CREATE FUNCTION review_url_key(url text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT lower(m[1]) || '://' || regexp_replace(lower(m[2]), '^www\.', '') || rtrim(m[3], '/') || coalesce(m[4], '')
            FROM regexp_match(url, '^([^:/?#]+)://([^/?#]*)([^?#]*)(\?[^#]*)?') AS m);

CREATE TABLE review (
    id              uuid PRIMARY KEY,
    claim_id        uuid NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    publisher_name  text CHECK (publisher_name <> ''),
    -- A bare domain as the API normalises it: lower case, no scheme, no "www.", internationalised names in punycode.
    publisher_site  text NOT NULL CONSTRAINT review_publisher_site_domain
                        CHECK (publisher_site ~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$' AND publisher_site NOT LIKE 'www.%'),
    url             text NOT NULL CONSTRAINT review_url_http CHECK (url ~* '^https?://[^/?#]'),
    url_key         text GENERATED ALWAYS AS (review_url_key(url)) STORED,
    title           text,
    reviewed_on     date,
    language        text,
    rating_text     text,
    rating          text NOT NULL CONSTRAINT review_rating_scale
                        CHECK (rating IN ('true', 'mostlyTrue', 'mixed', 'mostlyFalse', 'false', 'other')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Also serves a claim's reviews (its leading column).
CREATE UNIQUE INDEX review_claim_url_key ON review (claim_id, url_key);

-- The claim list's rating= and reviewedBy= filters (by site, or by name in any case).
CREATE INDEX review_rating_idx ON review (rating, claim_id);
CREATE INDEX review_site_idx ON review (publisher_site, claim_id);
CREATE INDEX review_publisher_name_idx ON review (lower(publisher_name), claim_id);

CREATE TRIGGER review_change AFTER INSERT OR UPDATE OR DELETE ON review FOR EACH ROW EXECUTE FUNCTION record_row_change();
