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
