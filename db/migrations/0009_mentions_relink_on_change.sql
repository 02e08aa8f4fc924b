-- Mentions are rebuilt only when the words they are found in change. "UPDATE OF text" fires whenever a statement sets
-- the column, and every PUT and PATCH sets it, to the same text too: a quote's new place, a claim's topics or an
-- entity's slug brought back the mentions removed by hand and wrote an unlink and a link event for each kept one.

DROP TRIGGER quote_mentions_link ON quote;
CREATE TRIGGER quote_mentions_link AFTER INSERT ON quote FOR EACH ROW EXECUTE FUNCTION link_quote_mentions();
CREATE TRIGGER quote_mentions_relink AFTER UPDATE OF text ON quote
    FOR EACH ROW WHEN (OLD.text IS DISTINCT FROM NEW.text) EXECUTE FUNCTION link_quote_mentions();

DROP TRIGGER claim_mentions_link ON claim;
CREATE TRIGGER claim_mentions_link AFTER INSERT ON claim FOR EACH ROW EXECUTE FUNCTION link_claim_mentions();
CREATE TRIGGER claim_mentions_relink AFTER UPDATE OF text ON claim
    FOR EACH ROW WHEN (OLD.text IS DISTINCT FROM NEW.text) EXECUTE FUNCTION link_claim_mentions();

DROP TRIGGER entity_mentions_link ON entity;
CREATE TRIGGER entity_mentions_link AFTER INSERT ON entity FOR EACH ROW EXECUTE FUNCTION link_entity_mentions();
CREATE TRIGGER entity_mentions_relink AFTER UPDATE OF name, aliases ON entity
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.aliases IS DISTINCT FROM NEW.aliases)
    EXECUTE FUNCTION link_entity_mentions();
