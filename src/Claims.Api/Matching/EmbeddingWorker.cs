using System.Diagnostics;
using Claims.Api.Changes;

namespace Claims.Api.Matching;

/// <summary>
/// Loads the claim index and the model at start-up, then embeds, in the background, every claim whose vector is
/// missing or stale: written through the API or imported, a claim is matched by its words at once and by its meaning
/// once embedded, so no write waits for the model. One instance at a time embeds (an advisory lock); every instance
/// reads the vectors from the database. Work comes from the index, which follows the change feed.
/// </summary>
public sealed class EmbeddingWorker(
    NpgsqlDataSource db, ClaimIndex index, SemanticModel semantic, ChangeNotifications changes, ILogger<EmbeddingWorker> logger) : BackgroundService
{
    const int Batch = 16;
    const long LockKey = 4355;

    // An import names its connection while it runs, on any instance.
    const string ImportingSql = $"SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = '{Transfer.NdjsonImporter.ApplicationName}')";

    const string UpsertSql = """
        INSERT INTO claim_embedding (claim_id, model, input_hash, vector)
        SELECT v.id, v.model, v.input_hash, v.vector FROM unnest(@Ids, @Models, @Hashes::bytea[], @Vectors::bytea[]) AS v (id, model, input_hash, vector)
        WHERE EXISTS (SELECT 1 FROM claim c WHERE c.id = v.id)
        ON CONFLICT (claim_id) DO UPDATE
        SET model = excluded.model, input_hash = excluded.input_hash, vector = excluded.vector,
            version = nextval('claim_embedding_version'), embedded_at = now()
        """;

    // Imports often come one after another: the worker waits until none has run for this long.
    static readonly TimeSpan AfterImports = TimeSpan.FromSeconds(2);

    DateTime lastImport = DateTime.MinValue;
    long embedded;
    double seconds;

    /// <summary>Claims embedded by this process so far, and how many a second while it worked.</summary>
    public (long Embedded, double? PerSecond) Progress => (Interlocked.Read(ref embedded), seconds > 0 ? embedded / seconds : null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await Task.Run(semantic.Load, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await index.CatchUpAsync(null, stoppingToken);
                if (semantic.Model is not { } model) return;
                await index.CatchUpVectorsAsync(stoppingToken);
                await EmbedPendingAsync(model, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
            {
                logger.LogWarning("Claim embedding paused for five seconds: {Message}", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    // While an import runs (or ran a moment ago) the worker neither reads its claims nor embeds: the import has the cores.
    async Task EmbedPendingAsync(SentenceModel model, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var wake = changes.Next();
            if (await ImportingAsync(ct))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                continue;
            }
            await index.CatchUpAsync(null, ct);
            var pending = index.Pending(Batch);
            if (pending.Count == 0 || !await EmbedAsync(model, pending, ct))
                await Task.WhenAny(wake, Task.Delay(TimeSpan.FromSeconds(5), ct));
            await index.CatchUpVectorsAsync(ct);
        }
    }

    /// <summary>
    /// Whether an import is running, or ran a moment ago: the worker waits rather than take a core from it, so that
    /// embedding in the background does not slow imports down (bench/README.md measures both).
    /// </summary>
    async Task<bool> ImportingAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition(ImportingSql, cancellationToken: ct))) lastImport = DateTime.UtcNow;
        return DateTime.UtcNow - lastImport < AfterImports;
    }

    /// <summary>Embeds and stores one batch; false when another instance holds the lock and does it.</summary>
    async Task<bool> EmbedAsync(SentenceModel model, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        if (!await conn.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: ct)))
            return false;
        try
        {
            var clock = Stopwatch.StartNew();
            var claims = (await conn.QueryAsync<(Guid Id, string Text, string? Titles)>(
                new CommandDefinition(ClaimIndex.EmbeddingInputsSql, new { Ids = ids.ToArray() }, cancellationToken: ct))).AsList();
            if (claims.Count == 0) return true;
            var inputs = claims.Select(c => ClaimIndex.EmbeddingInput(c.Text, c.Titles)).ToList();
            // One input at a time: a batch is padded to its longest input, which cost more than batching saved on one thread
            // (33 claims a second one by one, 22 in batches of 16, for PolitiFact's claims with their titles).
            var vectors = await Task.Run(() => inputs.Select(input => model.Embed([input], ct)[0]).ToList(), ct);
            await conn.ExecuteAsync(new CommandDefinition(UpsertSql, new
            {
                Ids = claims.Select(c => c.Id).ToArray(),
                Models = claims.Select(_ => model.Name).ToArray(),
                Hashes = inputs.Select(i => ClaimIndex.HashOf(model.Name, i)).ToArray(),
                Vectors = vectors.Select(VectorBytes.FromFloats).ToArray(),
            }, cancellationToken: ct));
            Interlocked.Add(ref embedded, claims.Count);
            seconds += clock.Elapsed.TotalSeconds;
            return true;
        }
        finally
        {
            await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
        }
    }
}
