-- A review's text: the fact-check article itself, which claim matching reads as a third field beside the claim's text
-- and the reviews' titles (docs/matching.md). Optional; at most 100,000 characters (PolitiFact's longest is about
-- 31,000), which keeps its lexemes far under a tsvector's 1 MB. Reviews/ReviewContracts.cs holds the same number.
-- Its lexemes are kept beside it, made once when it is written: the matcher reads them at every start-up, and
-- computing them there took 45 s for 19,250 articles.
ALTER TABLE review
    ADD COLUMN text text CONSTRAINT review_text_length CHECK (text <> '' AND char_length(text) <= 100000),
    ADD COLUMN text_search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED;

-- 0014's test for an unchanged row leaves out the generated columns, which a BEFORE trigger sees null: this one too.
DROP TRIGGER review_ignore_unchanged ON review;
CREATE TRIGGER review_ignore_unchanged BEFORE UPDATE ON review FOR EACH ROW
    EXECUTE FUNCTION skip_unchanged_update('updated_at', 'url_key', 'text_search');
