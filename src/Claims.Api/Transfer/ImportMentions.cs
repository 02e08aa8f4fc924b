namespace Claims.Api.Transfer;

/// <summary>
/// Mentions after an import, for quotes (<c>quote_entity</c>) and claims (<c>claim_entity</c>) alike.
/// <para>
/// Automatic ones are linked as the 0002 triggers would when a quote or claim is created or its text changes, and when
/// an entity is created or its names change: a name or alias, as a whole word, found by the full-text index first. One
/// exception keeps a round trip exact: when the file holds mention records, it already says which of its quotes and
/// claims mention which of its entities (a mention removed by hand is simply absent), so pairs with both sides in the
/// file follow the file alone. The file's own mention records are then written as they are.
/// </para>
/// </summary>
static class ImportMentions
{
    public static readonly string[] AutoLinkSql = [AutoLink("quote"), AutoLink("claim")];

    public static readonly string[] FileSql = [File("quote"), File("claim")];

    /// <summary>Whether any entity may be linked to a quote or claim of the file: if not, a new text links nothing.</summary>
    public const string AnyLinkableEntity = "EXISTS (SELECT 1 FROM entity e WHERE NOT (@Covered AND e.id IN (SELECT id FROM import_entity)))";

    // Only the difference is written, so a mention that stays keeps its row and makes no event.
    static string AutoLink(string target) => $"""
        WITH wanted AS (
            SELECT x.id AS target_id, e.id AS entity_id
            FROM {target} x JOIN entity e ON x.search @@ e.names_query AND mentions_any(x.text, array_prepend(e.name, e.aliases))
            WHERE {AnyLinkableEntity} AND x.id IN (SELECT id FROM import_touched WHERE resource = '{target}')
              AND NOT (@Covered AND e.id IN (SELECT id FROM import_entity))
            UNION
            SELECT x.id, e.id
            FROM entity e JOIN {target} x ON x.search @@ e.names_query AND mentions_any(x.text, array_prepend(e.name, e.aliases))
            WHERE e.id IN (SELECT id FROM import_touched WHERE resource = 'entity')
              AND NOT (@Covered AND x.id IN (SELECT id FROM import_{target}))
        ),
        unlinked AS (
            DELETE FROM {target}_entity m
            WHERE m.origin = 'auto'
              AND (m.{target}_id IN (SELECT id FROM import_touched WHERE resource = '{target}')
                   OR m.entity_id IN (SELECT id FROM import_touched WHERE resource = 'entity'))
              AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.target_id = m.{target}_id AND w.entity_id = m.entity_id)
              AND NOT EXISTS (SELECT 1 FROM import_mention f WHERE f.{target}_id = m.{target}_id AND f.entity_id = m.entity_id)
            RETURNING m.entity_id, m.{target}_id AS target_id
        ),
        linked AS (
            INSERT INTO {target}_entity ({target}_id, entity_id, origin)
            SELECT w.target_id, w.entity_id, 'auto' FROM wanted w
            WHERE NOT EXISTS (SELECT 1 FROM import_mention f WHERE f.{target}_id = w.target_id AND f.entity_id = w.entity_id)
            ON CONFLICT DO NOTHING
            RETURNING entity_id, {target}_id AS target_id
        ),
        events AS (
            INSERT INTO change (position, resource, resource_id, operation, related_id, detail)
            SELECT nextval('change_position'), 'entity', entity_id, operation, target_id, '{target}'
            FROM (SELECT entity_id, target_id, 'unlink' AS operation FROM unlinked
                  UNION ALL SELECT entity_id, target_id, 'link' FROM linked ORDER BY entity_id, target_id) e
        )
        SELECT (SELECT count(*) FROM linked) AS linked, (SELECT count(*) FROM unlinked) AS unlinked
        """;

    static string File(string target) => $"""
        WITH created AS (
            INSERT INTO {target}_entity ({target}_id, entity_id, origin)
            SELECT f.{target}_id, f.entity_id, f.origin FROM import_mention f
            WHERE f.{target}_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM {target}_entity t WHERE t.{target}_id = f.{target}_id AND t.entity_id = f.entity_id)
            RETURNING entity_id, {target}_id AS target_id
        ),
        updated AS (
            UPDATE {target}_entity t SET origin = f.origin
            FROM import_mention f
            WHERE t.{target}_id = f.{target}_id AND t.entity_id = f.entity_id AND t.origin <> f.origin
            RETURNING t.entity_id, t.{target}_id AS target_id
        ),
        events AS (
            INSERT INTO change (position, resource, resource_id, operation, related_id, detail)
            SELECT nextval('change_position'), 'entity', entity_id, operation, target_id, '{target}'
            FROM (SELECT entity_id, target_id, 'link' AS operation FROM created
                  UNION ALL SELECT entity_id, target_id, 'update' FROM updated ORDER BY entity_id, target_id) e
        )
        SELECT (SELECT count(*) FROM created) AS created, (SELECT count(*) FROM updated) AS updated
        """;
}
