-- The claim graph's walk, breadth first over counter and support links in either direction. Each claim is
-- expanded once, at its shortest depth, and no level fetches more than the node limit still allows, so the work is
-- bounded by the answer rather than by how far a hub's links fan out. truncated: the depth or the node limit left
-- claims out.
CREATE FUNCTION claim_neighbourhood(root uuid, max_depth integer, max_nodes integer)
    RETURNS TABLE (id uuid, depth integer, truncated boolean)
    LANGUAGE plpgsql STABLE AS $$
DECLARE
    visited uuid[] := ARRAY[root];
    depths integer[] := ARRAY[0];
    frontier uuid[] := ARRAY[root];
    found uuid[];
    level integer := 0;
    cut boolean := false;
BEGIN
    WHILE level < max_depth AND cardinality(frontier) > 0 AND NOT cut LOOP
        found := ARRAY(
            SELECT DISTINCT n.other
            FROM (SELECT l.to_claim_id AS other FROM claim_link l WHERE l.from_claim_id = ANY (frontier)
                  UNION
                  SELECT l.from_claim_id FROM claim_link l WHERE l.to_claim_id = ANY (frontier)) AS n
            WHERE n.other <> ALL (visited)
            ORDER BY n.other
            LIMIT max_nodes - cardinality(visited) + 1);
        IF cardinality(visited) + cardinality(found) > max_nodes THEN
            cut := true;
            found := found[1 : max_nodes - cardinality(visited)];
        END IF;
        level := level + 1;
        visited := visited || found;
        depths := depths || array_fill(level, ARRAY[cardinality(found)]);
        frontier := found;
    END LOOP;
    IF NOT cut AND level = max_depth AND cardinality(frontier) > 0 THEN
        cut := EXISTS (
            SELECT 1 FROM claim_link l
            WHERE (l.from_claim_id = ANY (frontier) AND l.to_claim_id <> ALL (visited))
               OR (l.to_claim_id = ANY (frontier) AND l.from_claim_id <> ALL (visited)));
    END IF;
    RETURN QUERY SELECT v.id, v.depth, cut FROM unnest(visited, depths) AS v (id, depth);
END
$$;

-- Who holds a claim on one side: the first few speakers (by when they took the stance) and how many there are.
-- A single-SELECT set-returning SQL function, so the planner inlines it into the query that calls it; through the
-- index below, a hub's thousands of stances cost an index count, not a join.
CREATE INDEX stance_claim_position_idx ON stance (claim_id, position, id);

CREATE FUNCTION claim_holders(claim uuid, side text, shown integer) RETURNS TABLE (speakers json, total integer)
    LANGUAGE sql STABLE AS $$
        SELECT coalesce((SELECT json_agg(json_build_object('id', sp.id, 'slug', sp.slug, 'name', sp.name) ORDER BY sp.name)
                         FROM (SELECT st.speaker_id FROM stance st WHERE st.claim_id = claim AND st.position = side
                               ORDER BY st.id LIMIT shown) AS first
                         JOIN speaker sp ON sp.id = first.speaker_id), '[]'::json),
               (SELECT count(*)::integer FROM stance st WHERE st.claim_id = claim AND st.position = side)
    $$;
