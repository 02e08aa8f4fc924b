-- A speaker's claims, newest stance first (undated ones last, as -infinity), with or without a position filter; the
-- position index also serves everything the (speaker, position) index did. Speakers by party, in any case.

DROP INDEX stance_speaker_idx;
CREATE INDEX stance_speaker_said_idx ON stance (speaker_id, coalesce(said_on, '-infinity'::date) DESC, id DESC);
CREATE INDEX stance_speaker_position_said_idx ON stance (speaker_id, position, coalesce(said_on, '-infinity'::date) DESC, id DESC);

CREATE INDEX speaker_party_idx ON speaker (lower(party), slug);
