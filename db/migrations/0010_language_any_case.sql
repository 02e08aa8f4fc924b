-- Language tags compare without regard to case (BCP 47): ?language=EN finds the sources stored as "en".
DROP INDEX source_language_idx;
CREATE INDEX source_language_idx ON source (lower(language), coalesce(published_on, '-infinity'::date) DESC, id DESC);
