-- What the field's data sets say that the core schema had no place for: a speaker's party and state (LIAR), a claim's
-- topics (LIAR subjects), and when and where a speaker made a claim (LIAR context, the Fact Check API's claimDate).

ALTER TABLE speaker ADD COLUMN party text CHECK (party <> ''), ADD COLUMN state text CHECK (state <> '');

ALTER TABLE claim ADD COLUMN topics text[] NOT NULL DEFAULT '{}';
CREATE INDEX claim_topics_idx ON claim USING gin (topics);

ALTER TABLE stance ADD COLUMN said_on date, ADD COLUMN context text CHECK (context <> '');
