namespace Claims.Api.Transfer;

/// <summary>
/// The search vectors of the import's new and changed quote texts, computed in one statement before the merge writes
/// them with the rows (the trigger that computes a quote's vector row by row is off during an import, see 0008). At
/// about 20 µs a quote, PostgreSQL's english <c>to_tsvector</c> is most of a large import when one backend computes
/// it; as a query of its own it runs on parallel workers too, on every core PostgreSQL allows a query
/// (<c>max_parallel_workers_per_gather</c>). Parallel workers cannot read the import's temporary tables, so the texts go
/// through a table of the import's own, created and dropped in its transaction.
/// </summary>
static class ImportSearch
{
    public const string Table = "import_quote_search";

    public static Task ComputeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var texts = $"import_quote_texts_{Guid.NewGuid():N}";
        return conn.ExecuteAsync(new CommandDefinition($"""
            CREATE UNLOGGED TABLE {texts} AS
                SELECT f.id, f.text FROM import_quote f LEFT JOIN quote q ON q.id = f.id WHERE q.text IS DISTINCT FROM f.text;
            CREATE TEMP TABLE {Table} ON COMMIT DROP AS
                SELECT id, to_tsvector('english', text) AS search FROM {texts};
            DROP TABLE {texts};
            """, transaction: tx, commandTimeout: 0, cancellationToken: ct));
    }
}
