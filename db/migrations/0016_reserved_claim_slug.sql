-- /v1/claims/matches is the claim matcher's path, so a claim slugged "matches" could never be read by its slug there.
-- The slug is reserved; Claims/ClaimSlugs.cs agrees. A claim that took it before is renamed, as a derived slug would be.
UPDATE claim SET slug = 'matches-' || left(id::text, 8) WHERE slug = 'matches';

ALTER TABLE claim ADD CONSTRAINT claim_slug_not_reserved CHECK (slug <> 'matches');
