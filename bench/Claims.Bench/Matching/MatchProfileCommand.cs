using System.Diagnostics;
using Claims.Api.Matching;
using Claims.Bench.Load;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Claims.Bench.Matching;

/// <summary>
/// <c>match-profile</c>: where a match's time goes, in process, one sentence at a time, over quotes drawn as the load's
/// match path draws them (their speakers as hints): the sentence's lexemes from PostgreSQL, its embedding, the lexical
/// candidates alone, with the nearest vectors, and with the hinted speaker's claims, then the fusion.
/// </summary>
static class MatchProfileCommand
{
    public static async Task<int> RunAsync(Options options)
    {
        var database = BenchCluster.DatabaseName(options);
        var count = options.Int("requests", 300);
        options.RejectUnknown();

        await using var server = await BenchCluster.StartAsync();
        await using var db = NpgsqlDataSource.Create(server.ConnectionString(database));
        var matching = new MatchingOptions();
        var semantic = new SemanticModel(matching, NullLogger<SemanticModel>.Instance);
        semantic.Load();
        var model = semantic.Model!;
        using var index = new ClaimIndex(db, matching, NullLogger<ClaimIndex>.Instance);
        await index.CatchUpAsync(null, default);
        await index.CatchUpVectorsAsync(default);
        var samples = await Samples.DrawAsync(db, count, seed: 42);

        await using var conn = await db.OpenConnectionAsync();
        var stages = new Dictionary<string, List<double>>();
        void Time(string stage, Action action)
        {
            var clock = Stopwatch.StartNew();
            action();
            (stages.TryGetValue(stage, out var times) ? times : stages[stage] = []).Add(clock.Elapsed.TotalMilliseconds);
        }
        foreach (var (text, slug) in samples.Sentences.Concat(samples.Sentences.Take(50)))
        {
            var lexemes = new List<(string, int)>();
            var asserted = new HashSet<Guid>();
            Time("lexemes and the hint's claims (PostgreSQL)", () =>
            {
                lexemes = TsVectorText.Parse(conn.ExecuteScalar<string>("SELECT to_tsvector('english', @Text)::text", new { Text = text }));
                asserted = conn.Query<Guid>("SELECT st.claim_id FROM stance st JOIN speaker sp ON sp.id = st.speaker_id WHERE sp.slug = @Slug AND st.position = 'asserts'",
                    new { Slug = slug }).ToHashSet();
            });
            float[] vector = [];
            Time("embedding", () => vector = model.Embed([text])[0]);
            Time("candidates by words", () => index.Candidates(lexemes, null, [], MatchTuning.Default));
            Time("candidates by words and meaning", () => index.Candidates(lexemes, vector, [], MatchTuning.Default));
            MatchCandidates candidates = null!;
            Time("candidates by words, meaning and hint", () => candidates = index.Candidates(lexemes, vector, asserted, MatchTuning.Default));
            Time("fusion", () => MatchRanking.Rank(candidates, asserted, true, MatchTuning.Default));
        }
        Console.WriteLine($"| stage ({samples.Sentences.Count} sentences, {database}) | mean ms | p50 | p95 |\n|---|--:|--:|--:|");
        foreach (var (stage, times) in stages)
        {
            var measured = new Latencies(times.Skip(50).ToList(), TimeSpan.FromSeconds(1));
            Console.WriteLine($"| {stage} | {times.Skip(50).Average():F2} | {measured.Percentile(50):F2} | {measured.Percentile(95):F2} |");
        }
        return 0;
    }
}
