using System.Diagnostics;
using Claims.Api.Matching;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Claims.Bench.Matching;

/// <summary>
/// Random unit vectors for the claims that have none, stored as the embedding worker stores real ones (model, hash of
/// the text), so the API reads them at start-up as embedded. Random vectors in 384 dimensions are as hard a case for
/// the HNSW graph as any: the latency measured is that of real vectors or worse; the ranking is meaningless, as the
/// synthetic claims' words are.
/// </summary>
static class StandInVectorsCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var database = BenchCluster.DatabaseName(options);
        options.RejectUnknown();
        await using var server = await BenchCluster.StartAsync();
        await using var db = NpgsqlDataSource.Create(server.ConnectionString(database));
        await using var conn = await db.OpenConnectionAsync();
        var missing = (await conn.QueryAsync<Guid>("SELECT c.id FROM claim c WHERE NOT EXISTS (SELECT 1 FROM claim_embedding e WHERE e.claim_id = c.id)")).ToArray();
        var claims = (await conn.QueryAsync<(Guid Id, string Text, string? Titles)>(ClaimIndex.EmbeddingInputsSql, new { Ids = missing })).AsList();
        var clock = Stopwatch.StartNew();
        var random = new Random(7);
        await using (var copy = await conn.BeginBinaryImportAsync("COPY claim_embedding (claim_id, model, input_hash, vector) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, text, titles) in claims)
            {
                var vector = new float[SentenceModel.Dimensions];
                for (var i = 0; i < vector.Length; i++) vector[i] = (float)(random.NextDouble() * 2 - 1);
                var norm = MathF.Sqrt(vector.Sum(v => v * v));
                for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(MatchingOptions.ModelName, NpgsqlDbType.Text);
                await copy.WriteAsync(ClaimIndex.HashOf(MatchingOptions.ModelName, ClaimIndex.EmbeddingInput(text, titles)), NpgsqlDbType.Bytea);
                await copy.WriteAsync(VectorBytes.FromFloats(vector), NpgsqlDbType.Bytea);
            }
            await copy.CompleteAsync();
        }
        Console.WriteLine($"{claims.Count:N0} stand-in vectors written to {database} in {clock.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }
}
