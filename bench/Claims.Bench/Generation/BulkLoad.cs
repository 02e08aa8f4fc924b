using Dapper;
using Npgsql;

namespace Claims.Bench.Generation;

/// <summary>What makes a million-row COPY fast, and the checks that it still holds the API's invariants.</summary>
static class BulkLoad
{
    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource db)
    {
        var conn = await db.OpenConnectionAsync();
        // Replica mode (superuser only) fires no user triggers and no foreign-key checks: the generator writes only valid
        // references, and itself writes what the triggers would have (statement ids and their sizes, 'auto' mention rows), but for the
        // search vectors of quotes (see SetSearchVectorsInReplicaModeAsync).
        await conn.ExecuteAsync("SET session_replication_role = replica");
        return conn;
    }

    /// <summary>
    /// Whether the trigger that computes a quote's search vector (0008) fires in replica mode too, as it must while the
    /// quotes load: only PostgreSQL's to_tsvector gives the vector that the API's writes would.
    /// </summary>
    public static Task SetSearchVectorsInReplicaModeAsync(NpgsqlConnection conn, bool on) =>
        conn.ExecuteAsync($"ALTER TABLE quote ENABLE {(on ? "ALWAYS " : "")}TRIGGER quote_search_vector");

    /// <summary>Drops the indexes that back no constraint, to build each once after the load; returns their definitions.</summary>
    public static async Task<IReadOnlyList<string>> DropSecondaryIndexesAsync(NpgsqlConnection conn)
    {
        const string sql = """
            SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
            WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> 'schema_migration'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
            """;
        var indexes = (await conn.QueryAsync<(string Name, string Definition)>(sql)).AsList();
        foreach (var index in indexes) await conn.ExecuteAsync($"DROP INDEX {index.Name}");
        return indexes.Select(i => i.Definition).ToList();
    }

    /// <summary>Builds the indexes a few at a time, the slow GIN ones first.</summary>
    public static Task CreateIndexesAsync(NpgsqlDataSource db, IReadOnlyList<string> definitions) =>
        Parallel.ForEachAsync(
            definitions.OrderByDescending(d => d.Contains("USING gin", StringComparison.Ordinal)),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (definition, ct) =>
            {
                await using var conn = await db.OpenConnectionAsync(ct);
                await conn.ExecuteAsync("SET maintenance_work_mem = '1GB'");
                await conn.ExecuteAsync(new CommandDefinition(definition, cancellationToken: ct));
            });

    /// <summary>
    /// Fails unless every span holds its quote, every quote has its search vector and the mention rows are exactly what
    /// the mention triggers would write.
    /// </summary>
    public static async Task VerifyAsync(NpgsqlConnection conn)
    {
        const string brokenSpans = """
            SELECT count(*) FROM quote q JOIN source s ON s.id = q.source_id
            WHERE substr(s.body, q.span_start + 1, q.span_end - q.span_start) IS DISTINCT FROM q.text
            """;
        var broken = await conn.ExecuteScalarAsync<long>(brokenSpans);
        if (broken > 0) throw new BenchFailedException($"{broken} quote span(s) do not hold their quote's text.");
        var unsearchable = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM quote WHERE search IS NULL");
        if (unsearchable > 0) throw new BenchFailedException($"{unsearchable} quote(s) have no search vector.");

        const string mentionDifference = """
            WITH expected AS (
                SELECT q.id AS text_id, e.id AS entity_id FROM entity e JOIN quote q ON q.search @@ e.names_query
                WHERE mentions_any(q.text, array_prepend(e.name, e.aliases))
                UNION ALL
                SELECT c.id, e.id FROM entity e JOIN claim c ON c.search @@ e.names_query
                WHERE mentions_any(c.text, array_prepend(e.name, e.aliases))),
            written AS (
                SELECT quote_id, entity_id FROM quote_entity UNION ALL SELECT claim_id, entity_id FROM claim_entity)
            SELECT (SELECT count(*) FROM (TABLE expected EXCEPT TABLE written) missing)
                 + (SELECT count(*) FROM (TABLE written EXCEPT TABLE expected) extra)
            """;
        var wrong = await conn.ExecuteScalarAsync<long>(mentionDifference);
        if (wrong > 0) throw new BenchFailedException($"{wrong} mention row(s) differ from what the mention triggers would write.");
    }

    public static async Task<IReadOnlyList<(string Table, long Rows)>> CountAsync(NpgsqlConnection conn)
    {
        const string sql = """
            SELECT 'speaker', count(*) FROM speaker UNION ALL SELECT 'source', count(*) FROM source
            UNION ALL SELECT 'quote', count(*) FROM quote UNION ALL SELECT 'claim', count(*) FROM claim
            UNION ALL SELECT 'claim_link', count(*) FROM claim_link UNION ALL SELECT 'stance', count(*) FROM stance
            UNION ALL SELECT 'entity', count(*) FROM entity UNION ALL SELECT 'quote_entity', count(*) FROM quote_entity
            UNION ALL SELECT 'claim_entity', count(*) FROM claim_entity
            UNION ALL SELECT 'database bytes', pg_database_size(current_database())
            """;
        return (await conn.QueryAsync<(string, long)>(sql)).AsList();
    }
}
