namespace Claims.Bench.Matching;

/// <summary>
/// The CheckThat! scorer's measures over a ranked list per query: AP@k sums the precision at each relevant claim within
/// the first k and divides by all the query's relevant claims; RR is one over the rank of the first relevant (0 past
/// the list); P@k is the share of the first k that are relevant.
/// </summary>
sealed record Scores(double Map1, double Map3, double Map5, double Mrr, double P1, int Queries)
{
    public static Scores Of(IReadOnlyList<(IReadOnlyList<string> Ranked, IReadOnlySet<string> Relevant)> runs) => new(
        runs.Average(r => AveragePrecision(r.Ranked, r.Relevant, 1)),
        runs.Average(r => AveragePrecision(r.Ranked, r.Relevant, 3)),
        runs.Average(r => AveragePrecision(r.Ranked, r.Relevant, 5)),
        runs.Average(r => ReciprocalRank(r.Ranked, r.Relevant)),
        runs.Average(r => r.Ranked.Count > 0 && r.Relevant.Contains(r.Ranked[0]) ? 1.0 : 0.0),
        runs.Count);

    static double AveragePrecision(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k)
    {
        double sum = 0;
        var correct = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            if (relevant.Contains(ranked[i])) sum += ++correct / (double)(i + 1);
        return sum / relevant.Count;
    }

    static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant)
    {
        for (var i = 0; i < ranked.Count; i++)
            if (relevant.Contains(ranked[i])) return 1.0 / (i + 1);
        return 0;
    }

    public string Row(string name) => $"| {name} | {Queries} | {Map1:F4} | {Map3:F4} | {Map5:F4} | {Mrr:F4} | {P1:F4} |";

    public const string Header = "| split | queries | MAP@1 | MAP@3 | MAP@5 | MRR | P@1 |\n|---|--:|--:|--:|--:|--:|--:|";
}
