namespace Claims.Api.Transfer;

/// <summary>
/// Which stored row each staged record is. Speakers, entities and claims are matched by id, else by slug; sources by id,
/// else by URL; stances by id, else by their claim and speaker; quotes by id only. A record matched by its key takes the
/// stored row's id, and so does every reference to its id in the file: afterwards the staging tables hold stored ids.
/// </summary>
static class ImportMatching
{
    public static string Sql { get; } = string.Join('\n',
        Map("speaker", "slug"), Map("source", "url"), Map("entity", "slug"), Map("claim", "slug"),
        Follow("quote", "speaker_id", "speaker"), Follow("quote", "source_id", "source"),
        Follow("stance", "claim_id", "claim"), Follow("stance", "speaker_id", "speaker"),
        Follow("claim_link", "from_claim_id", "claim"), Follow("claim_link", "to_claim_id", "claim"),
        Follow("mention", "entity_id", "entity"), Follow("mention", "claim_id", "claim"),
        Map("stance", "claim_id", "speaker_id"));

    // Lists only the records that take another row's id: usually none, so following the map costs nothing. A file id on
    // several lines (an error reported later) is mapped once, by its first line.
    static string Map(string table, params string[] key) => $"""
        CREATE TEMP TABLE import_{table}_map ON COMMIT DROP AS
        SELECT DISTINCT ON (f.id) f.id AS file_id, t.id AS target_id
        FROM import_{table} f JOIN {table} t ON {string.Join(" AND ", key.Select(k => $"t.{k} = f.{k}"))}
        WHERE t.id <> f.id AND NOT EXISTS (SELECT 1 FROM {table} same WHERE same.id = f.id)
        ORDER BY f.id, f.line;
        UPDATE import_{table} f SET id = m.target_id FROM import_{table}_map m WHERE f.id = m.file_id;
        """;

    static string Follow(string staging, string column, string target) =>
        $"UPDATE import_{staging} f SET {column} = m.target_id FROM import_{target}_map m WHERE f.{column} = m.file_id;";
}
