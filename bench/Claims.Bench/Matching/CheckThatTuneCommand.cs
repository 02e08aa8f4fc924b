using Claims.Api.Matching;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Claims.Bench.Matching;

/// <summary>
/// <c>checkthat-tune</c>: the ranking's numbers chosen on train and dev only, in process, over the evaluation database
/// the <c>checkthat</c> command imported: each query is read and embedded once, then every setting is ranked from the
/// index directly. Train and dev have no speakers, so the speaker boost is tuned with a simulated hint: the speaker of
/// the query's checked claim, replaced by another query's speaker for a quarter (or a half) of the queries.
/// </summary>
static class CheckThatTuneCommand
{
    // What --sweeps takes by default; "inputs" (what a claim's vector is made from) embeds the pool twice more, and runs alone.
    static readonly string[] Sweeps = ["lexical", "fused", "fields", "pool", "rrf", "hint", "threshold"];

    public static async Task<int> RunAsync(Options options)
    {
        var data = options.String("data") ?? throw new OptionsException("--data is required.");
        var database = options.String("database", "checkthat");
        var sweeps = options.String("sweeps", string.Join(',', Sweeps)).Split(',').ToHashSet();
        if (sweeps.Except(Sweeps.Append("inputs")).FirstOrDefault() is { } unknown)
            throw new OptionsException($"There is no sweep '{unknown}'; the sweeps are {string.Join(", ", Sweeps)} and inputs.");
        options.RejectUnknown();

        await using var server = await BenchCluster.StartAsync();
        await using var db = NpgsqlDataSource.Create(server.ConnectionString(database));
        var matching = new MatchingOptions();
        var semantic = new SemanticModel(matching, NullLogger<SemanticModel>.Instance);
        semantic.Load();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var index = new ClaimIndex(db, matching, NullLogger<ClaimIndex>.Instance);
        await index.CatchUpAsync(null, default);
        // What the words take: the managed heap's growth (the vectors, read next, live in USearch's native memory).
        Console.Error.WriteLine($"The index's words take {(GC.GetTotalMemory(forceFullCollection: true) - heap) / 1e6:F0} MB of managed heap.");
        await index.CatchUpVectorsAsync(default);
        var model = semantic.Model!;
        var vclaims = CheckThatData.ClaimIds(data);
        var claimOf = vclaims.ToDictionary(v => v.Value, v => v.Key);

        await using var conn = await db.OpenConnectionAsync();
        var speakerOf = (await conn.QueryAsync<(Guid Claim, Guid Speaker)>("SELECT claim_id, speaker_id FROM stance WHERE position = 'asserts'"))
            .GroupBy(s => s.Claim).ToDictionary(g => g.Key, g => g.First().Speaker);
        var assertedBy = speakerOf.GroupBy(s => s.Value).ToDictionary(g => g.Key, g => (IReadOnlySet<Guid>)g.Select(s => s.Key).ToHashSet());

        var random = new Random(11);
        var queries = new List<(string Split, CheckThatQuery Query, List<(string, int)> Lexemes, float[] Vector, Guid Right, Guid Other, double Draw)>();
        foreach (var split in new[] { "train", "dev" })
        {
            var loaded = CheckThatData.Load(data, split);
            foreach (var query in loaded)
            {
                var lexemes = TsVectorText.Parse(await conn.ExecuteScalarAsync<string>("SELECT to_tsvector('english', @Text)::text", new { Text = query.Sentence }));
                var right = speakerOf.GetValueOrDefault(claimOf.GetValueOrDefault(query.Relevant.First()));
                var other = speakerOf.GetValueOrDefault(claimOf.GetValueOrDefault(loaded[random.Next(loaded.Count)].Relevant.First()));
                queries.Add((split, query, lexemes, model.Embed([query.Sentence])[0], right, other, random.NextDouble()));
            }
        }
        Console.Error.WriteLine($"{queries.Count} queries read and embedded.");
        if (sweeps.Contains("inputs"))
        {
            Console.WriteLine("| setting | train MAP@5 | dev MAP@5 |\n|---|--:|--:|");
            await CheckThatInputsExperiment.RunAsync(db, index, model, MatchTuning.Default, vclaims, queries.Select(q => (q.Split, q.Query, q.Lexemes, q.Vector)).ToList());
            return 0;
        }

        // A hint is the checked claim's speaker for the share rightHints of the queries, another query's for the rest.
        // hintedAmongCandidates: the hint boosts only the speaker's claims that are candidates by words or meaning anyway.
        Scores Evaluate(string split, MatchTuning tuning, bool semanticOn, double rightHints, bool hintedAmongCandidates = false) => Scores.Of(queries.Where(q => q.Split == split).Select(q =>
        {
            var hint = q.Draw < rightHints ? q.Right : q.Other;
            var asserted = rightHints > 0 && assertedBy.TryGetValue(hint, out var set) ? set : new HashSet<Guid>();
            var candidates = index.Candidates(q.Lexemes, semanticOn ? q.Vector : null, hintedAmongCandidates ? [] : (IReadOnlyCollection<Guid>)asserted, tuning);
            var ranked = MatchRanking.Rank(candidates, asserted, semanticOn, tuning).Take(50).Select(m => vclaims.GetValueOrDefault(m.ClaimId, "?")).ToList();
            return ((IReadOnlyList<string>)ranked, q.Query.Relevant);
        }).ToList());

        void Report(string name, MatchTuning tuning, bool semanticOn = true, double rightHints = 0, bool hintedAmongCandidates = false) =>
            Console.WriteLine($"| {name} | {Evaluate("train", tuning, semanticOn, rightHints, hintedAmongCandidates).Map5:F4} | " +
                              $"{Evaluate("dev", tuning, semanticOn, rightHints, hintedAmongCandidates).Map5:F4} |");

        Console.WriteLine("| setting | train MAP@5 | dev MAP@5 |\n|---|--:|--:|");
        var tuned = MatchTuning.Default with { SpeakerBoost = 0 };
        Report("lexical only (the defaults)", tuned, semanticOn: false);
        Report("semantic only", tuned with { LexicalWeight = 0 });
        Report("fused (the defaults)", tuned);
        if (sweeps.Contains("lexical"))
        {
            foreach (var body in new[] { 0f, 0.05f, 0.1f, 0.2f, 0.3f, 0.5f, 1f })
                foreach (var bodyB in new[] { 0.3f, 0.5f, 0.75f, 0.9f })
                    Report($"lexical only, articles at {body}, their b {bodyB}", tuned with { BodyWeight = body, BodyB = bodyB }, semanticOn: false);
            foreach (var title in new[] { 0f, 0.25f, 0.5f, 1f })
                foreach (var k1 in new[] { 0.9f, 1.2f, 1.6f, 2f })
                    foreach (var b in new[] { 0.5f, 0.75f, 0.9f })
                        Report($"lexical only, titles at {title}, k1 {k1}, b {b}", tuned with { TitleWeight = title, K1 = k1, B = b }, semanticOn: false);
        }
        if (sweeps.Contains("fused"))
            foreach (var body in new[] { 0f, 0.05f, 0.1f, 0.2f, 0.3f, 0.5f })
                foreach (var weight in new[] { 0.2f, 0.25f, 0.3f, 0.35f, 0.4f, 0.5f })
                    Report($"fused, articles at {body}, lexical weight {weight}", tuned with { BodyWeight = body, LexicalWeight = weight });
        if (sweeps.Contains("fields"))
        {
            foreach (var bodyB in new[] { 0.5f, 0.75f, 0.9f })
                foreach (var title in new[] { 0.25f, 0.5f, 1f })
                    Report($"fused, articles' b {bodyB}, titles at {title}", tuned with { BodyB = bodyB, TitleWeight = title });
            foreach (var k1 in new[] { 0.9f, 1.2f, 1.6f })
                foreach (var b in new[] { 0.5f, 0.75f, 0.9f })
                    Report($"fused, k1 {k1}, b {b}", tuned with { K1 = k1, B = b });
        }
        if (sweeps.Contains("pool"))
            foreach (var pool in new[] { 25, 50, 100, 200, 400 })
                Report($"fused, the best {pool} of each ranking", tuned with { Pool = pool });
        if (sweeps.Contains("rrf"))
            // Reciprocal rank fusion instead of score mixing: each ranking's rank r counts 1 / (k + r).
            foreach (var k in new[] { 10, 60 })
                Console.WriteLine($"| reciprocal rank fusion, k {k} | " + string.Join(" | ", new[] { "train", "dev" }.Select(split => Scores.Of(queries.Where(q => q.Split == split).Select(q =>
                {
                    var items = index.Candidates(q.Lexemes, q.Vector, [], tuned).Items;
                    var byWords = items.Where(c => c.Lexical > 0).OrderByDescending(c => c.Lexical).Select((c, i) => (c.ClaimId, i)).ToDictionary(r => r.ClaimId, r => r.i + 1);
                    var byMeaning = items.OrderByDescending(c => c.Semantic ?? -1).Select((c, i) => (c.ClaimId, i)).ToDictionary(r => r.ClaimId, r => r.i + 1);
                    var ranked = items.OrderByDescending(c => (byWords.TryGetValue(c.ClaimId, out var w) ? 1.0 / (k + w) : 0) + 1.0 / (k + byMeaning[c.ClaimId]))
                        .Take(50).Select(c => vclaims.GetValueOrDefault(c.ClaimId, "?")).ToList();
                    return ((IReadOnlyList<string>)ranked, q.Query.Relevant);
                }).ToList()).Map5.ToString("F4"))) + " |");
        if (sweeps.Contains("hint"))
            foreach (var right in new[] { 0.75, 0.5 })
                foreach (var boost in new[] { 0f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.7f, 1f })
                    Report($"fused, simulated hint ({right:P0} right), boost {boost}", MatchTuning.Default with { SpeakerBoost = boost }, rightHints: right);
        if (sweeps.Contains("hint"))
            foreach (var right in new[] { 0.75, 0.5 })
                foreach (var pool in new[] { 100, 200, 400 })
                    Report($"fused, simulated hint ({right:P0} right), only the speaker's claims among the best {pool} of each ranking",
                        MatchTuning.Default with { Pool = pool }, rightHints: right, hintedAmongCandidates: true);
        if (sweeps.Contains("threshold"))
        {
            // The suggestion threshold: how often the best match is right when it scores at least t (dev, no hint).
            var tops = queries.Where(q => q.Split == "dev").Select(q =>
            {
                var top = MatchRanking.Rank(index.Candidates(q.Lexemes, q.Vector, [], MatchTuning.Default), new HashSet<Guid>(), true, MatchTuning.Default)[0];
                return (top.Score, Right: q.Query.Relevant.Contains(vclaims.GetValueOrDefault(top.ClaimId, "?")));
            }).ToList();
            foreach (var t in new[] { 0.4f, 0.5f, 0.55f, 0.6f, 0.65f, 0.7f })
            {
                var above = tops.Where(x => x.Score >= t).ToList();
                Console.WriteLine($"| dev, best match scoring at least {t}: {above.Count} of {tops.Count} queries, right for {(above.Count == 0 ? 0 : above.Count(x => x.Right) / (double)above.Count):P0} | | |");
            }
        }
        return 0;
    }
}
