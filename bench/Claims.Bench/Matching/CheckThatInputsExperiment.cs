using System.Numerics.Tensors;
using Claims.Api.Matching;
using Dapper;
using Npgsql;

namespace Claims.Bench.Matching;

/// <summary>
/// What a claim's vector is best made from, tried on train and dev: each claim embedded again from another input (its
/// text and its review's title; its text without PolitiFact's leading "Says"), searched exactly, and fused with the
/// index's lexical scores as the API fuses them.
/// </summary>
static class CheckThatInputsExperiment
{
    public static async Task RunAsync(NpgsqlDataSource db, ClaimIndex index, SentenceModel model, Dictionary<Guid, string> vclaims,
        IReadOnlyList<(string Split, CheckThatQuery Query, List<(string, int)> Lexemes, float[] Vector)> queries)
    {
        await using var conn = await db.OpenConnectionAsync();
        var claims = (await conn.QueryAsync<(Guid Id, string Text, string? Title)>(
            "SELECT c.id, c.text, (SELECT min(r.title) FROM review r WHERE r.claim_id = c.id) FROM claim c")).AsList();
        var at = claims.Select((c, i) => (c.Id, i)).ToDictionary(c => c.Id, c => c.i);
        var inputs = new Dictionary<string, Func<(Guid Id, string Text, string? Title), string>>
        {
            ["text and title"] = c => c.Title is null ? c.Text : $"{c.Text} {c.Title}",
            ["text without 'Says'"] = c => c.Text.StartsWith("Says ", StringComparison.Ordinal) ? c.Text[5..] : c.Text,
        };
        foreach (var (name, input) in inputs)
        {
            var vectors = new List<float[]>(claims.Count);
            for (var i = 0; i < claims.Count; i += 32)
                vectors.AddRange(model.Embed(claims.Skip(i).Take(32).Select(input).ToList()));
            foreach (var weight in new[] { 0.2f, 0.3f })
            {
                var tuning = MatchTuning.Default with { LexicalWeight = weight, SpeakerBoost = 0 };
                string Row(string split) => Scores.Of(queries.Where(q => q.Split == split).Select(q =>
                {
                    var near = vectors.Select((v, i) => (Id: claims[i].Id, Cosine: TensorPrimitives.Dot(v, q.Vector)))
                        .OrderByDescending(n => n.Cosine).Take(tuning.Pool).ToList();
                    var lexical = index.Candidates(q.Lexemes, null, [], tuning);
                    var ids = lexical.Items.Select(c => c.ClaimId).Concat(near.Select(n => n.Id)).Distinct().ToList();
                    var lexicalScores = index.LexicalScores(q.Lexemes, ids, tuning);
                    var cosines = ids.ToDictionary(id => id, id => TensorPrimitives.Dot(vectors[at[id]], q.Vector));
                    var candidates = new MatchCandidates(ids.Select(id => new MatchCandidate(id, lexicalScores[id], cosines[id])).ToList(), lexical.BestLexical);
                    var ranked = MatchRanking.Rank(candidates, new HashSet<Guid>(), true, tuning).Take(50).Select(m => vclaims.GetValueOrDefault(m.ClaimId, "?")).ToList();
                    return ((IReadOnlyList<string>)ranked, q.Query.Relevant);
                }).ToList()).Map5.ToString("F4");
                Console.WriteLine($"| vectors of {name}, exact, lexical weight {weight} | {Row("train")} | {Row("dev")} |");
            }
        }
    }
}
