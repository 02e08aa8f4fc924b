using System.Net;
using System.Text;
using Claims.Api.Tests.Infrastructure;
using Claims.Api.Transfer;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Claims.Api.Tests;

/// <summary>
/// Restore mode: an import into empty tables, or tables it more than doubles, drops their indexes, keys and foreign keys
/// and puts them back after the merge. Each test empties the knowledge base first, so these tests share nothing with the seeded ones.
/// </summary>
public sealed class BulkImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string KnowledgeBase = "speaker, source, entity, claim, review, quote, stance, claim_link, quote_entity, claim_entity, claim_embedding, change";

    // Every index and constraint by its definition, and every trigger by what it does and whether it fires: names of
    // the triggers behind foreign keys carry their object ids, which a restored key gets anew.
    const string SchemaSql = """
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT format('constraint %s %s %s%s', conrelid::regclass, conname, pg_get_constraintdef(oid), CASE WHEN convalidated THEN '' ELSE ' (not valid)' END)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        UNION ALL
        SELECT format('trigger %s %s %s %s %s', tgrelid::regclass, CASE WHEN tgisinternal THEN c.conname ELSE tgname END, tgfoid::regproc, tgtype, tgenabled)
        FROM pg_trigger t LEFT JOIN pg_constraint c ON c.oid = t.tgconstraint
        WHERE tgrelid::regclass::text IN ('speaker', 'source', 'entity', 'claim', 'review', 'quote', 'stance', 'claim_link', 'quote_entity', 'claim_entity')
        ORDER BY 1
        """;

    const string IndexIdsSql = "SELECT indexrelid::regclass::text, indexrelid::int FROM pg_index WHERE indrelid::regclass::text IN ('quote', 'speaker')";

    [Fact]
    public async Task AnImportIntoEmptyTablesRebuildsTheSameIndexesAndConstraintsAndWritesWhatTheUsualPathWrites()
    {
        var (bulk, usual) = (Importer(bulkThreshold: 1), Importer(bulkThreshold: long.MaxValue));
        await api.Writer().NewReviewAsync(Seeded.ViolationClaim, "مضلل");
        var export = await api.Reader().GetByteArrayAsync("/v1/export");
        var schema = await QueryAsync<string>(SchemaSql);

        var (bulkReport, bulkExport, bulkEvents, bulkIndexes) = await ImportIntoEmptyTablesAsync(bulk, export);
        var afterBulk = await QueryAsync<string>(SchemaSql);
        var (usualReport, usualExport, usualEvents, usualIndexes) = await ImportIntoEmptyTablesAsync(usual, export);

        Assert.Equal(schema, afterBulk);
        Assert.Equal(schema, await QueryAsync<string>(SchemaSql));
        Assert.True(bulkIndexes.Rebuilt > 0, "restore mode rebuilt no index");
        Assert.Equal(0, usualIndexes.Rebuilt);
        Assert.Equal(Encoding.UTF8.GetString(export), Encoding.UTF8.GetString(bulkExport));
        Assert.Equal(Encoding.UTF8.GetString(export), Encoding.UTF8.GetString(usualExport));
        Assert.Equal(usualEvents, bulkEvents);
        Assert.NotEmpty(bulkEvents);
        Assert.Equal(JsonOf(usualReport), JsonOf(bulkReport));
    }

    [Fact]
    public async Task ABulkImportCancelledMidwayLeavesTheSchemaAndTheDataAsTheyWere()
    {
        var bulk = Importer(bulkThreshold: 1);
        var export = await api.Reader().GetByteArrayAsync("/v1/export");
        await EmptyKnowledgeBaseAsync();
        var (schema, state) = (await QueryAsync<string>(SchemaSql), await DatabaseState.OfAsync(api.ConnectionString));

        // A reader of sources holds the import up when restore mode locks them, once it has dropped other foreign keys.
        await using var reader = new NpgsqlConnection(api.ConnectionString);
        await reader.OpenAsync();
        await using var reading = await reader.BeginTransactionAsync();
        await reader.ExecuteAsync("SELECT FROM source LIMIT 1", transaction: reading);
        using var cancel = new CancellationTokenSource();
        var import = bulk.PostAsync("/v1/import", Ndjson(export), cancel.Token);
        var importer = await WaitForAsync("SELECT pid FROM pg_locks WHERE relation = 'source'::regclass AND mode = 'AccessExclusiveLock' AND NOT granted");
        Assert.Contains("AccessExclusiveLock", await QueryAsync<string>(
            "SELECT mode FROM pg_locks WHERE pid = @Importer AND relation = 'quote'::regclass AND granted", new { Importer = importer }));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => import);
        await WaitForAsync("SELECT 1 WHERE NOT EXISTS (SELECT FROM pg_locks WHERE pid = @Importer AND relation IS NOT NULL)", new { Importer = importer });
        await reading.RollbackAsync();
        Assert.Equal(schema, await QueryAsync<string>(SchemaSql));
        Assert.Equal(state, await DatabaseState.OfAsync(api.ConnectionString));
        Assert.Equal(HttpStatusCode.OK, (await bulk.PostAsync("/v1/import", Ndjson(export))).StatusCode);
        Assert.Equal(schema, await QueryAsync<string>(SchemaSql));
    }

    [Fact]
    public async Task RestoreModeFillsTheFieldsAFileLeavesOutFromTheStoredRowsBeforeItDropsAnything()
    {
        var (bulk, usual) = (Importer(bulkThreshold: 1), Importer(bulkThreshold: long.MaxValue));
        var (speaker, source) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        const string body = "He said: We will. Then: We shall see.";
        var url = $"https://example.org/restore/{source:N}";
        var seeded = await api.Reader().GetByteArrayAsync("/v1/export");
        await EmptyKnowledgeBaseAsync();
        try
        {
            var schema = await QueryAsync<string>(SchemaSql);
            await (await usual.PostAsync("/v1/import", Ndjson(
                Record("speaker", new { id = speaker, slug = $"restored-{speaker:N}", name = "Restored", title = "Minister" }),
                Record("source", new { id = source, url, body })))).ReadAsync<ImportReport>();
            var before = (await QueryAsync<(string, int)>(IndexIdsSql)).ToHashSet();

            // The quotes go into an empty table, in restore mode; their speaker and source are given without title and body.
            var report = await (await bulk.PostAsync("/v1/import", Ndjson(
                Record("speaker", new { id = speaker, slug = $"restored-{speaker:N}", name = "Restored" }),
                Record("source", new { id = source, url }),
                Quote(speaker, source, "We will.", 9), Quote(speaker, source, "We shall see.", 24)))).ReadAsync<ImportReport>();

            Assert.Equal((new ImportCounts(0, 0, 1), new ImportCounts(0, 0, 1), new ImportCounts(2, 0, 0)), (report.Speaker, report.Source, report.Quote));
            Assert.Contains(await QueryAsync<(string, int)>(IndexIdsSql), index => !before.Contains(index));
            Assert.Equal([("Minister", body)], await QueryAsync<(string, string)>(
                "SELECT sp.title, so.body FROM speaker sp, source so WHERE sp.id = @speaker AND so.id = @source", new { speaker, source }));
            Assert.Equal(schema, await QueryAsync<string>(SchemaSql));
        }
        finally
        {
            // The other tests start from the seeded knowledge base.
            await EmptyKnowledgeBaseAsync();
            (await usual.PostAsync("/v1/import", Ndjson(seeded))).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task AnImportBringingMoreRowsThanATableHoldsRebuildsItAndOneBringingNoMoreKeepsItsIndexes()
    {
        var (bulk, usual) = (Importer(bulkThreshold: 1), Importer(bulkThreshold: long.MaxValue));
        var seeded = await api.Reader().GetByteArrayAsync("/v1/export");
        await EmptyKnowledgeBaseAsync();
        try
        {
            var schema = await QueryAsync<string>(SchemaSql);
            (await usual.PostAsync("/v1/import", Ndjson(Speakers(2)))).EnsureSuccessStatusCode();
            var before = await SpeakerIndexesAsync();

            (await bulk.PostAsync("/v1/import", Ndjson(Speakers(2)))).EnsureSuccessStatusCode();
            var afterAsMany = await SpeakerIndexesAsync();
            (await bulk.PostAsync("/v1/import", Ndjson(Speakers(5)))).EnsureSuccessStatusCode();
            var afterMore = await SpeakerIndexesAsync();

            Assert.Equal(before, afterAsMany);
            Assert.NotEmpty(afterMore);
            Assert.All(afterMore, index => Assert.DoesNotContain(index, afterAsMany));
            Assert.Equal([9L], await QueryAsync<long>("SELECT count(*) FROM speaker"));
            Assert.Equal(schema, await QueryAsync<string>(SchemaSql));
        }
        finally
        {
            await EmptyKnowledgeBaseAsync();
            (await usual.PostAsync("/v1/import", Ndjson(seeded))).EnsureSuccessStatusCode();
        }

        static string[] Speakers(int count) => Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7())
            .Select(id => Record("speaker", new { id, slug = $"outgrown-{id:N}", name = "Outgrown" })).ToArray();
        async Task<List<(string, int)>> SpeakerIndexesAsync() =>
            (await QueryAsync<(string Name, int Id)>(IndexIdsSql)).Where(index => index.Name.StartsWith("speaker")).Order().ToList();
    }

    /// <summary>A writer whose imports use restore mode for tables given at least this many rows.</summary>
    HttpClient Importer(long bulkThreshold)
    {
        var client = api.WithWebHostBuilder(b => b.UseSetting("Import:BulkThreshold", bulkThreshold.ToString())).CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.ApiKey);
        return client;
    }

    async Task<(ImportReport Report, byte[] Export, List<string> Events, (int Rebuilt, int Kept) Indexes)> ImportIntoEmptyTablesAsync(
        HttpClient importer, byte[] file)
    {
        await EmptyKnowledgeBaseAsync();
        var before = (await QueryAsync<(string, int)>(IndexIdsSql)).ToHashSet();
        var report = await (await importer.PostAsync("/v1/import", Ndjson(file))).ReadAsync<ImportReport>();
        var after = await QueryAsync<(string, int)>(IndexIdsSql);
        var kept = after.Count(before.Contains);
        var events = await QueryAsync<string>("SELECT concat_ws(' ', resource, resource_id, operation, related_id, detail) FROM change ORDER BY position");
        return (report, await api.Reader().GetByteArrayAsync("/v1/export"), events, (after.Count - kept, kept));
    }

    // The app behind each client seeded the database when it started; emptied afterwards, it stays empty.
    async Task EmptyKnowledgeBaseAsync()
    {
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        await conn.ExecuteAsync($"TRUNCATE {KnowledgeBase}");
    }

    async Task<List<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var conn = new NpgsqlConnection(api.ConnectionString);
        return (await conn.QueryAsync<T>(sql, args)).ToList();
    }

    async Task<int> WaitForAsync(string sql, object? args = null)
    {
        for (var waited = 0; waited < 600; waited++)
        {
            if ((await QueryAsync<int>(sql, args)).FirstOrDefault() is var found and not 0) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Waited 30 s for: {sql}");
    }

    static StringContent Ndjson(byte[] file) => new(Encoding.UTF8.GetString(file), Encoding.UTF8, "application/x-ndjson");

    static StringContent Ndjson(params string[] lines) => new(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson");

    static string Record(string type, object data) => Infrastructure.Ndjson.Record(type, data);

    static string Quote(Guid speaker, Guid source, string text, int start) => Record("quote",
        new { id = Guid.CreateVersion7(), speakerId = speaker, sourceId = source, text, span = new { start, end = start + text.Length } });

    static string JsonOf(ImportReport report) => System.Text.Json.JsonSerializer.Serialize(report, Http.Json);
}
