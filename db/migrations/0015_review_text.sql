-- A review's text: the fact-check article itself, which claim matching reads as a third field beside the claim's text
-- and the reviews' titles (docs/matching.md). Optional; at most 100,000 characters (PolitiFact's longest is about
-- 31,000), which keeps its search vector far under PostgreSQL's 1 MB. Reviews/ReviewContracts.cs holds the same number.
ALTER TABLE review ADD COLUMN text text
    CONSTRAINT review_text_length CHECK (text <> '' AND char_length(text) <= 100000);
