namespace Claims.Api.Transfer;

/// <summary>
/// Which stored row each staged record is. Speakers, entities and claims are matched by id, else by slug; sources by id,
/// else by URL; reviews by id, else by their claim and URL key; stances by id, else by their claim and speaker; quotes
/// by id only. A record matched by its key takes the stored row's id, and so does every reference to its id in the
/// file: afterwards the staging tables hold stored ids.
/// </summary>
static class ImportMatching
{
    public static string Sql { get; } = string.Join('\n',
        Map("speaker", On("slug")), Map("source", On("url")), Map("entity", On("slug")), Map("claim", On("slug")),
        Follow("review", "claim_id", "claim"), Map("review", SameReview),
        Follow("quote", "speaker_id", "speaker"), Follow("quote", "source_id", "source"),
        Follow("stance", "claim_id", "claim"), Follow("stance", "speaker_id", "speaker"),
        Follow("claim_link", "from_claim_id", "claim"), Follow("claim_link", "to_claim_id", "claim"),
        Follow("mention", "entity_id", "entity"), Follow("mention", "claim_id", "claim"),
        Map("stance", On("claim_id", "speaker_id")));

    /// <summary>A review's key: its claim, and its URL as the table's generated url_key spells it.</summary>
    public const string SameReview = "t.claim_id = f.claim_id AND t.url_key = review_url_key(f.url)";

    /// <summary>Stored rows <c>t</c> and file records <c>f</c> equal on these columns.</summary>
    public static string On(params string[] key) => string.Join(" AND ", key.Select(k => $"t.{k} = f.{k}"));

    // Lists only the records that take another row's id: usually none, so following the map costs nothing. A file id on
    // several lines (an error reported later) is mapped once, by its first line.
    static string Map(string table, string on) => $"""
        CREATE TEMP TABLE import_{table}_map ON COMMIT DROP AS
        SELECT DISTINCT ON (f.id) f.id AS file_id, t.id AS target_id
        FROM import_{table} f JOIN {table} t ON {on}
        WHERE t.id <> f.id AND NOT EXISTS (SELECT 1 FROM {table} same WHERE same.id = f.id)
        ORDER BY f.id, f.line;
        UPDATE import_{table} f SET id = m.target_id FROM import_{table}_map m WHERE f.id = m.file_id;
        """;

    static string Follow(string staging, string column, string target) =>
        $"UPDATE import_{staging} f SET {column} = m.target_id FROM import_{target}_map m WHERE f.{column} = m.file_id;";
}
