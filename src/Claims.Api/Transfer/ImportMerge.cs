namespace Claims.Api.Transfer;

/// <summary>
/// Writes the validated staging tables into the knowledge base, one statement per table, with the user triggers off:
/// each statement also does set-based what those triggers would have done row by row, appending a change event for
/// every row it creates or updates (in key order, under the feed lock the import took first) and noting which texts
/// and names changed, for the mentions. A record equal to its stored row is left alone: no write, no event.
/// </summary>
static class ImportMerge
{
    // The statements the file's quotes are in and will be in, recounted after the merge by 0018's recount_statement_sizes.
    public const string PrepareSql = """
        CREATE TEMP TABLE import_touched (resource text NOT NULL, id uuid NOT NULL) ON COMMIT DROP;
        CREATE TEMP TABLE import_statement ON COMMIT DROP AS
            SELECT statement_id FROM import_quote UNION SELECT q.statement_id FROM quote q JOIN import_quote f ON f.id = q.id;
        """;

    const string RecountStatementsSql = "SELECT recount_statement_sizes(array(SELECT statement_id FROM import_statement))";

    /// <summary>The rows with ids, in dependency order, each with the columns whose change relinks its mentions.</summary>
    public static readonly (RecordType Type, string Sql)[] Rows =
    [
        (RecordTypes.Speaker, RowsSql(RecordTypes.Speaker, [])),
        (RecordTypes.Source, RowsSql(RecordTypes.Source, [])),
        (RecordTypes.Entity, RowsSql(RecordTypes.Entity, ["name", "aliases"])),
        (RecordTypes.Claim, RowsSql(RecordTypes.Claim, ["text"])),
        (RecordTypes.Review, RowsSql(RecordTypes.Review, [])),
        (RecordTypes.Quote, RowsSql(RecordTypes.Quote, ["text"], vectors: ImportSearch.Table)),
        (RecordTypes.Stance, RowsSql(RecordTypes.Stance, [])),
    ];

    // A missing createdAt keeps the stored one (now() for a new row); a missing updatedAt is now() when something changed.
    // A table with a search vector kept by a trigger gets it from the vectors computed for its new and changed texts.
    static string RowsSql(RecordType type, string[] relinks, string? vectors = null)
    {
        var table = type.Table;
        var data = type.Columns.Except(["id", "created_at", "updated_at"]).ToArray();
        string List(string prefix) => string.Join(", ", data.Select(c => prefix + c));
        string Relinks(string prefix) => string.Join(", ", relinks.Select(c => prefix + c));
        var (search, vector, withVectors, keepVector) = vectors is null ? ("", "", "", "")
            : (", search", ", v.search", $" LEFT JOIN {vectors} v ON v.id = f.id", ", search = coalesce(v.search, old.search)");
        var touched = relinks.Length == 0 ? "" : $"""
            touched AS (
                INSERT INTO import_touched (resource, id)
                SELECT '{table}', id FROM (SELECT id FROM created UNION ALL SELECT id FROM updated WHERE relink) t
                WHERE {(table == "entity" ? "true" : ImportMentions.AnyLinkableEntity)}
            ),
            """;
        return $"""
            WITH created AS (
                INSERT INTO {table} (id, {List("")}, created_at, updated_at{search})
                SELECT f.id, {List("f.")}, coalesce(f.created_at, now()), coalesce(f.updated_at, f.created_at, now()){vector}
                FROM {type.Staging} f{withVectors}
                WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = f.id)
                RETURNING id
            ),
            updated AS (
                UPDATE {table} t
                SET {string.Join(", ", data.Select(c => $"{c} = f.{c}"))},
                    created_at = coalesce(f.created_at, old.created_at), updated_at = coalesce(f.updated_at, now()){keepVector}
                FROM {type.Staging} f JOIN {table} old ON old.id = f.id{withVectors}
                WHERE t.id = f.id
                  AND (({List("old.")}) IS DISTINCT FROM ({List("f.")}) OR f.created_at <> old.created_at OR f.updated_at <> old.updated_at)
                RETURNING t.id, {(relinks.Length == 0 ? "false" : $"({Relinks("old.")}) IS DISTINCT FROM ({Relinks("f.")})")} AS relink
            ),
            {touched}
            events AS (
                INSERT INTO change (position, resource, resource_id, operation)
                SELECT nextval('change_position'), '{table}', id, operation
                FROM (SELECT id, 'create' AS operation FROM created UNION ALL SELECT id, 'update' FROM updated ORDER BY id) e
            )
            SELECT (SELECT count(*) FROM created) AS created, (SELECT count(*) FROM updated) AS updated
            """;
    }

    // The tables that rows are merged into, in the import's lock order: restore mode locks each with the tables it references.
    static IEnumerable<(string Table, long Rows)> BulkCandidates(IReadOnlyDictionary<RecordType, long> staged) =>
        Rows.Select(r => r.Type).Append(RecordTypes.ClaimLink)
            .OrderBy(t => Array.IndexOf(NdjsonImporter.Tables, t.Table))
            .Select(t => (t.Table, staged[t]));

    // A counter-claim link is the stored one whichever way either points; only a link's createdAt can change.
    public const string ClaimLinksSql = """
        WITH matched AS (
            SELECT f.from_claim_id, f.to_claim_id, f.kind, f.created_at,
                   coalesce(same.from_claim_id, reverse.from_claim_id) AS stored_from, coalesce(same.to_claim_id, reverse.to_claim_id) AS stored_to,
                   coalesce(same.created_at, reverse.created_at) AS stored_created_at
            FROM import_claim_link f
            LEFT JOIN claim_link same ON (same.from_claim_id, same.to_claim_id, same.kind) = (f.from_claim_id, f.to_claim_id, f.kind)
            LEFT JOIN claim_link reverse ON f.kind = 'counters'
                 AND (reverse.from_claim_id, reverse.to_claim_id, reverse.kind) = (f.to_claim_id, f.from_claim_id, 'counters')
        ),
        created AS (
            INSERT INTO claim_link (from_claim_id, to_claim_id, kind, created_at)
            SELECT from_claim_id, to_claim_id, kind, coalesce(created_at, now()) FROM matched WHERE stored_from IS NULL
            RETURNING from_claim_id, to_claim_id, kind
        ),
        updated AS (
            UPDATE claim_link t SET created_at = m.created_at
            FROM matched m
            WHERE (t.from_claim_id, t.to_claim_id, t.kind) = (m.stored_from, m.stored_to, m.kind) AND m.created_at <> m.stored_created_at
            RETURNING t.from_claim_id, t.to_claim_id, t.kind
        ),
        events AS (
            INSERT INTO change (position, resource, resource_id, operation, related_id, detail)
            SELECT nextval('change_position'), 'claim', from_claim_id, operation, to_claim_id, kind
            FROM (SELECT *, 'link' AS operation FROM created UNION ALL SELECT *, 'update' FROM updated
                  ORDER BY from_claim_id, to_claim_id, kind) e
        )
        SELECT (SELECT count(*) FROM created) AS created, (SELECT count(*) FROM updated) AS updated
        """;

    public static async Task<ImportReport> RunAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        IReadOnlyDictionary<RecordType, long> staged, ImportOptions options, ImportProgress progress, CancellationToken ct)
    {
        Task<(long, long)> Run(string sql, object? args = null) => conn.QuerySingleAsync<(long, long)>(
            new CommandDefinition(sql, args, tx, commandTimeout: 0, cancellationToken: ct));
        ImportCounts Counts(RecordType type, params (long Created, long Updated)[] done) => new(
            done.Sum(d => d.Created), done.Sum(d => d.Updated), staged[type] - done.Sum(d => d.Created + d.Updated));

        // The file's mentions decide between what it holds on both sides; see ImportMentions.
        var covered = new { Covered = staged[RecordTypes.Mention] > 0 };
        await conn.ExecuteAsync(new CommandDefinition(PrepareSql, transaction: tx, cancellationToken: ct));
        var bulk = await BulkLoad.BeginAsync(conn, tx, BulkCandidates(staged), options.BulkThreshold, ct);
        await ImportSearch.ComputeAsync(conn, tx, ct);
        var rows = new Dictionary<RecordType, ImportCounts>();
        foreach (var (type, sql) in Rows)
            rows[type] = Counts(type, await Run(sql, covered));
        var links = Counts(RecordTypes.ClaimLink, await Run(ClaimLinksSql));
        if (bulk.Tables.Count > 0) progress.Phase = $"indexing {string.Join(", ", bulk.Tables)}";
        // Before the mentions, which find an entity's quotes and claims through the full-text indexes.
        await bulk.RestoreAsync(conn, tx, ct);
        await conn.ExecuteAsync(new CommandDefinition(RecountStatementsSql, transaction: tx, commandTimeout: 0, cancellationToken: ct));
        // Knowing how many texts changed, the planner links through the entities' full-text index when they are many,
        // and tries each entity on each text when they are few.
        await conn.ExecuteAsync(new CommandDefinition("ANALYZE import_touched", transaction: tx, cancellationToken: ct));
        long linked = 0, unlinked = 0;
        foreach (var sql in ImportMentions.AutoLinkSql)
        {
            var (l, u) = await Run(sql, covered);
            (linked, unlinked) = (linked + l, unlinked + u);
        }
        var mentions = Counts(RecordTypes.Mention, await Run(ImportMentions.FileSql[0]), await Run(ImportMentions.FileSql[1]));

        // One wake-up for the feed's long pollers, as the triggers send per event.
        var changed = rows.Values.Append(links).Append(mentions).Any(c => c.Created + c.Updated > 0) || linked + unlinked > 0;
        if (changed) await conn.ExecuteAsync(new CommandDefinition("SELECT pg_notify('claims_changes', '')", transaction: tx, cancellationToken: ct));
        return new ImportReport(
            rows[RecordTypes.Speaker], rows[RecordTypes.Source], rows[RecordTypes.Entity], rows[RecordTypes.Claim], rows[RecordTypes.Review],
            rows[RecordTypes.Quote], rows[RecordTypes.Stance], links, mentions, new AutoMentions(linked, unlinked));
    }
}
