namespace Claims.Api.Transfer;

/// <summary>
/// Brings the planner's statistics up to date after an import, at once rather than whenever autovacuum next looks: the
/// lists' filters are planned on them, and an import can grow a table many times over in a moment. A table is analysed
/// when the import wrote more of its rows than autovacuum's own threshold (by default 50 and a tenth of the rows the
/// table had). It runs after the commit, outside the transaction, and is best effort: the import is done, so a failure
/// is logged, not thrown.
/// </summary>
static class ImportStatistics
{
    // reltuples is -1 for a table never analysed or vacuumed; until this ANALYZE it still counts the rows before the import,
    // but for a table restore mode filled (see BulkLoad), whose index builds counted the new rows: those are all its rows,
    // which pass the threshold from 56 on.
    const string DueSql = """
        SELECT w.name
        FROM unnest(@Tables, @Written) AS w(name, written)
        JOIN pg_class c ON c.oid = w.name::regclass
        WHERE w.written > current_setting('autovacuum_analyze_threshold')::float8
                          + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
        """;

    public static async Task RefreshAsync(NpgsqlConnection conn, ImportReport report, ILogger logger, CancellationToken ct)
    {
        var written = Written(report).Where(w => w.Rows > 0).ToList();
        if (written.Count == 0) return;
        try
        {
            var due = (await conn.QueryAsync<string>(new CommandDefinition(DueSql,
                new { Tables = written.Select(w => w.Table).ToArray(), Written = written.Select(w => w.Rows).ToArray() }, cancellationToken: ct))).ToList();
            // The names are the import's own tables, never its input's.
            if (due.Count > 0) await conn.ExecuteAsync(new CommandDefinition($"ANALYZE {string.Join(", ", due)}", cancellationToken: ct));
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
        {
            logger.LogWarning(e, "The import is committed, but the statistics of the tables it wrote were not refreshed; autovacuum will");
        }
    }

    /// <summary>The rows the import created, updated or deleted in each table; mentions are not told apart by table.</summary>
    static (string Table, long Rows)[] Written(ImportReport report)
    {
        static long Of(ImportCounts counts) => counts.Created + counts.Updated;
        var mentions = Of(report.Mention) + report.AutoMentions.Linked + report.AutoMentions.Unlinked;
        return
        [
            ("speaker", Of(report.Speaker)), ("source", Of(report.Source)), ("entity", Of(report.Entity)), ("claim", Of(report.Claim)),
            ("review", Of(report.Review)), ("quote", Of(report.Quote)), ("stance", Of(report.Stance)), ("claim_link", Of(report.ClaimLink)),
            ("quote_entity", mentions), ("claim_entity", mentions),
        ];
    }
}
