using System.IO.Pipelines;

namespace Claims.Api.Transfer;

/// <summary>
/// Imports an NDJSON file like the export's, or a format's records in its shape, in one transaction: all of it, or
/// nothing and every error with its line or origin. The records stream through: each is parsed and staged by binary
/// COPY (<see cref="RecordStaging"/>), then the stored rows are locked against writers, matched, completed, checked and
/// merged set-based in SQL (see <see cref="ImportMatching"/>, <see cref="ImportAbsentFields"/>,
/// <see cref="ImportValidation"/> and <see cref="ImportMerge"/>), a table that receives many rows, more than it holds, in
/// restore mode (<see cref="BulkLoad"/>). Importing the same input again changes nothing.
/// </summary>
public static class NdjsonImporter
{
    public const int MaxErrors = 1000;

    /// <summary>What an import's connection calls itself while it runs, so that background work can give way to it.</summary>
    public const string ApplicationName = "claims import";
    public const int MaxSkipped = 1000;

    // In the order writers lock them (a stance before the quote it cites, a quote before its speaker, a review before its
    // claim), so that a concurrent write is unlikely to deadlock with the import.
    internal static readonly string[] Tables =
        ["stance", "claim_link", "quote", "review", "entity", "claim", "speaker", "source", "quote_entity", "claim_entity"];

    // Disabling triggers takes the lock that writers wait on (readers do not) until the transaction ends, so what is
    // checked is what gets merged. Foreign keys stay on (restore mode drops and re-adds them, see BulkLoad); the merge
    // does what the user triggers would have done.
    // The feed's lock first, as every writer takes it (see WriteOrder): a writer then waits for the import, or the import
    // for it, and neither holds what the other waits for.
    static readonly string LockSql = "SELECT lock_for_write();\n" + string.Join('\n', Tables.Select(t => $"ALTER TABLE {t} DISABLE TRIGGER USER;"));
    static readonly string UnlockSql = string.Join('\n', Tables.Select(t => $"ALTER TABLE {t} ENABLE TRIGGER USER;"));

    // The joins, sorts and index builds run over the whole file, so they get more memory than a request's statements. Long
    // texts are compressed with lz4 where the server has it: several times faster than pglz, for slightly larger bodies.
    static readonly string PrepareSql = $"""
        SET LOCAL application_name = '{ApplicationName}';
        SET LOCAL work_mem = '256MB';
        SET LOCAL maintenance_work_mem = '256MB';
        SELECT set_config('default_toast_compression', 'lz4', true)
        FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals);
        {StagingWriter.CreateTablesSql}
        {ImportValidation.CreateSql}
        """;

    static readonly string CheckSql = $"""
        ANALYZE {string.Join(", ", RecordTypes.InOrder.Select(t => t.Staging))};
        {LockSql}
        {ImportMatching.Sql}
        {ImportAbsentFields.Sql}
        {ImportValidation.Sql}
        """;

    public static Task<ImportResult> ImportAsync(
        NpgsqlDataSource db, PipeReader input, ILoggerFactory loggers, CancellationToken ct,
        ImportProgress? progress = null, ImportOptions? options = null) =>
        ImportAsync(db, new NdjsonSource(input), progress ?? new(), loggers, ct, options);

    /// <summary>The import of every source: NDJSON lines, or a format's records (see <see cref="Formats.FormatImporter"/>).</summary>
    internal static async Task<ImportResult> ImportAsync(NpgsqlDataSource db, IRecordSource source, ImportProgress progress,
        ILoggerFactory loggers, CancellationToken ct, ImportOptions? options = null)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        Task Execute(string sql) => conn.ExecuteAsync(new CommandDefinition(sql, transaction: tx, commandTimeout: 0, cancellationToken: ct));

        await Execute(PrepareSql);
        var (staged, recordErrors, recordErrorCount) = await RecordStaging.StageAsync(conn, source, progress, ct);
        progress.Phase = "checking";
        await Execute(CheckSql);
        await using (var found = await conn.QueryMultipleAsync(new CommandDefinition(
            ImportValidation.ErrorsSql, new { Max = MaxErrors }, tx, commandTimeout: 0, cancellationToken: ct)))
        {
            var dataErrors = (await found.ReadAsync<(int Line, string Message, int? Other)>()).Select(e => (Number: e.Line, Error: source.ErrorAt(
                e.Line, e.Other is { } other ? e.Message.Replace(ImportValidation.Other, source.Locate(other)) : e.Message)));
            var count = recordErrorCount + await found.ReadSingleAsync<long>() + source.Problems.Count;
            if (count > 0)
            {
                // Stable: a problem the reader found before a record comes before that record's own errors.
                var errors = source.Problems.Select(p => (Number: p.Before, Error: new ImportError(p.Note.Origin, p.Note.Message)))
                    .Concat(recordErrors).Concat(dataErrors).OrderBy(e => e.Number).Take(MaxErrors).Select(e => e.Error).ToList();
                return new ImportResult(null, errors, count);
            }
        }

        progress.Phase = "merging";
        var report = await ImportMerge.RunAsync(conn, tx, staged, options ?? new(), progress, ct);
        await Execute(UnlockSql);
        await tx.CommitAsync(ct);
        await ImportStatistics.RefreshAsync(conn, report, loggers.CreateLogger(typeof(NdjsonImporter)), ct);
        return new ImportResult(report with { Skipped = source.Skipped.Take(MaxSkipped).ToList(), SkippedCount = source.Skipped.Count }, [], 0);
    }
}
