using System.Numerics.Tensors;
using Claims.Api.Matching;
using Dapper;
using Npgsql;

namespace Claims.Bench.Matching;

/// <summary>
/// What the semantic side is best made of, tried on train and dev: beside each claim's stored vector (its text), a vector
/// of its review's title, and one of its text and title together; each searched exactly (every claim compared), alone or
/// mixed with the claim's own cosine, and fused with the index's lexical scores as the API fuses them.
/// </summary>
static class CheckThatInputsExperiment
{
    public static async Task RunAsync(NpgsqlDataSource db, ClaimIndex index, SentenceModel model, MatchTuning tuning, Dictionary<Guid, string> vclaims,
        IReadOnlyList<(string Split, CheckThatQuery Query, List<(string, int)> Lexemes, float[] Vector)> queries)
    {
        await using var conn = await db.OpenConnectionAsync();
        var claims = (await conn.QueryAsync<(Guid Id, string Text, string? Title, byte[] Vector)>("""
            SELECT c.id, c.text, (SELECT min(r.title) FROM review r WHERE r.claim_id = c.id), e.vector
            FROM claim c JOIN claim_embedding e ON e.claim_id = c.id
            """)).AsList();
        var at = claims.Select((c, i) => (c.Id, i)).ToDictionary(c => c.Id, c => c.i);
        var own = claims.Select(c => VectorBytes.ToFloats(c.Vector)).ToList();
        var titles = Embed(model, claims.Select(c => c.Title ?? c.Text).ToList());
        var joined = Embed(model, claims.Select(c => c.Title is null ? c.Text : $"{c.Text} {c.Title}").ToList());
        var ways = new (string Name, Func<int, float[], float> Cosine)[]
        {
            ("the claim's text (the stored vectors, searched exactly)", (i, q) => TensorPrimitives.Dot(own[i], q)),
            ("the claim's text and its review's title, one vector", (i, q) => TensorPrimitives.Dot(joined[i], q)),
            ("the review's title alone", (i, q) => TensorPrimitives.Dot(titles[i], q)),
            ("the mean of the text's and the title's cosines", (i, q) => (TensorPrimitives.Dot(own[i], q) + TensorPrimitives.Dot(titles[i], q)) / 2),
            ("0.7 the text's cosine, 0.3 the title's", (i, q) => 0.7f * TensorPrimitives.Dot(own[i], q) + 0.3f * TensorPrimitives.Dot(titles[i], q)),
            ("the greater of the text's and the title's cosines", (i, q) => Math.Max(TensorPrimitives.Dot(own[i], q), TensorPrimitives.Dot(titles[i], q))),
        };
        foreach (var (name, cosine) in ways)
            foreach (var weight in new[] { 0.2f, 0.3f, 0.4f })
            {
                var setting = tuning with { LexicalWeight = weight, SpeakerBoost = 0 };
                string Row(string split) => Scores.Of(queries.Where(q => q.Split == split).Select(q =>
                {
                    var near = Enumerable.Range(0, claims.Count).Select(i => (claims[i].Id, Cosine: cosine(i, q.Vector)))
                        .OrderByDescending(n => n.Cosine).Take(setting.Pool).ToList();
                    var lexical = index.Candidates(q.Lexemes, null, [], setting);
                    var ids = lexical.Items.Select(c => c.ClaimId).Concat(near.Select(n => n.Id)).Where(at.ContainsKey).Distinct().ToList();
                    var lexicalScores = index.LexicalScores(q.Lexemes, ids, setting);
                    var candidates = new MatchCandidates(ids.Select(id => new MatchCandidate(id, lexicalScores[id], cosine(at[id], q.Vector))).ToList(), lexical.BestLexical);
                    var ranked = MatchRanking.Rank(candidates, new HashSet<Guid>(), true, setting).Take(50).Select(m => vclaims.GetValueOrDefault(m.ClaimId, "?")).ToList();
                    return ((IReadOnlyList<string>)ranked, q.Query.Relevant);
                }).ToList()).Map5.ToString("F4");
                Console.WriteLine($"| vectors of {name}, lexical weight {weight} | {Row("train")} | {Row("dev")} |");
            }
    }

    // Two threads, each with batches of 32.
    static float[][] Embed(SentenceModel model, IReadOnlyList<string> texts)
    {
        var vectors = new float[texts.Count][];
        Parallel.For(0, (texts.Count + 31) / 32, new ParallelOptions { MaxDegreeOfParallelism = 2 }, batch =>
        {
            var slice = texts.Skip(batch * 32).Take(32).ToList();
            var embedded = model.Embed(slice);
            for (var i = 0; i < slice.Count; i++) vectors[batch * 32 + i] = embedded[i];
        });
        return vectors;
    }
}
